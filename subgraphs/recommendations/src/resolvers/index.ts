import { badInput, isUuid, requireSelfOrAdmin } from '@cinegraph/service-kit';
import { cachedPicks } from '../picks/picksCaches.ts';
import { toPickConnection } from '../picks/pickConnection.ts';
import { popularMovies } from '../picks/popularMovies.ts';
import { userPicks } from '../picks/userPicks.ts';
import type { Resolvers } from '../schema.generated.ts';

const MAX_CITY_LENGTH = 100;

/** A city as the key of its popular list: trimmed, one case. */
const cityKey = (city: string | null | undefined) => city?.trim().toLowerCase() || '*';

export const resolvers: Resolvers = {
  Query: {
    async popularMovies(_, args, { db, caches }) {
      const city = args.city?.trim() || null;
      if (city && city.length > MAX_CITY_LENGTH)
        throw badInput(`"city" is at most ${MAX_CITY_LENGTH} characters.`, 'city');
      const picks = await cachedPicks(caches.popular, cityKey(city), () => popularMovies(db, city));
      return toPickConnection(picks, args);
    },
  },
  Movie: {
    __resolveReference: (ref) => ({ id: ref.id }),
    async similar(movie, args, { similar }) {
      // An id that is no movie's is no error here: nothing is like it.
      const picks = isUuid(movie.id) ? await similar.load(movie.id) : [];
      return toPickConnection(picks, args);
    },
  },
  User: {
    __resolveReference: (ref) => ({ id: ref.id }),
    async recommendedMovies(user, args, { viewer, db, caches }) {
      requireSelfOrAdmin(viewer, user.id);
      const picks = await cachedPicks(caches.user, user.id, () => userPicks(db, user.id));
      return toPickConnection(picks, args);
    },
  },
};
