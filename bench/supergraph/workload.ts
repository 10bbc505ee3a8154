import type { Category, PlanContext, PlannedRequest } from './plannedRequest.ts';
import { createRandomChoices, deriveSeed } from './randomChoices.ts';
import { MOVIE_ORDERINGS } from './seededData.ts';
import type { Viewer } from './viewers.ts';
import { planWrite } from './writes.ts';

/** Shares of the four kinds of traffic, in percent. */
export const CATEGORY_WEIGHTS: Readonly<Record<Category, number>> = {
  'catalog read': 60,
  'signed-in read': 20,
  'movie page': 15,
  write: 5,
};

/** Catalog reads among themselves (the web app's lists and the partner's listings). */
export const CATALOG_WEIGHTS = {
  Movies: 16,
  Showtimes: 13,
  SeatMap: 8,
  MovieReviews: 8,
  NowShowing: 6,
  MovieDetails: 5,
  Genres: 2,
  Cities: 2,
} as const;

export const SIGNED_IN_WEIGHTS = {
  MyBookings: 5,
  MyWatchlist: 5,
  MyNotifications: 4,
  UnreadNotificationCount: 4,
  Booking: 2,
} as const;

/** The share of catalog reads and movie pages sent by a signed-in viewer. */
export const SIGNED_IN_BROWSING = 0.3;

/** Movies with showtimes: the newest 30 of the seeded catalog. */
const NOW_SHOWING = 30;

function moviesVariables(context: PlanContext): Record<string, unknown> {
  const { random, data } = context;
  const draw = random.int(1, 100);
  if (draw <= 35) return {};
  if (draw <= 60) {
    const orderBy = random.pick(MOVIE_ORDERINGS);
    const cursors = data.movieCursors[orderBy] ?? [];
    // Page 1 most, then fewer and fewer viewers page on.
    const page = random.popular([0, 1, 2, 3, 4]);
    const after = page > 0 ? cursors[page - 1] : undefined;
    return { orderBy, first: 20, ...(after ? { after } : {}) };
  }
  if (draw <= 75) return { filter: { genreIds: [random.pick(data.genreIds)] }, first: 20 };
  if (draw <= 90)
    return { filter: { search: random.pick(data.searchWords) }, orderBy: 'RELEVANCE', first: 20 };
  return {
    filter: { releasedAfter: `${random.int(1990, 2025)}-01-01` },
    orderBy: 'RELEASE_DATE_ASC',
    first: 20,
  };
}

/** A city's listing on a date (today among them), from its first page or a later one. */
function listingVariables(context: PlanContext): Record<string, unknown> {
  const { random, data } = context;
  if (data.showtimeCursors.length > 0 && random.chance(0.2)) {
    const { city, date, after } = random.pick(data.showtimeCursors);
    return { city, date, first: 20, after };
  }
  return { city: random.pick(data.cities), date: random.popular(data.dates), first: 20 };
}

function catalogRead(context: PlanContext): Omit<PlannedRequest, 'category'> {
  const { random, data } = context;
  const operation = random.weighted(CATALOG_WEIGHTS);
  switch (operation) {
    case 'Movies':
      return { operation, variables: moviesVariables(context) };
    case 'Showtimes': {
      if (random.chance(0.3)) {
        const movieId = random.popular(data.movies.slice(0, NOW_SHOWING)).id;
        const date = random.chance(0.5) ? { date: random.popular(data.dates) } : {};
        return { operation, variables: { movieId, ...date, first: 20 } };
      }
      return { operation, variables: listingVariables(context) };
    }
    case 'NowShowing': {
      const { first: _first, ...variables } = listingVariables(context);
      return { operation, variables };
    }
    case 'SeatMap':
      return { operation, variables: { showtimeId: random.popular(data.showtimes).id } };
    case 'MovieReviews':
      return {
        operation,
        variables: {
          movieId: random.popular(data.movies).id,
          orderBy: random.pick(['NEWEST', 'MOST_HELPFUL', 'HIGHEST', 'LOWEST']),
          first: 10,
        },
      };
    case 'MovieDetails':
      return { operation, variables: { slug: random.popular(data.movies).slug } };
    case 'Genres':
    case 'Cities':
      return { operation, variables: {} };
  }
}

function signedInRead(context: PlanContext, viewer: Viewer): PlannedRequest {
  const operation = context.random.weighted(SIGNED_IN_WEIGHTS);
  const base = { category: 'signed-in read', token: viewer.token } as const;
  switch (operation) {
    case 'MyBookings':
      return { ...base, operation, variables: { first: 10 } };
    case 'MyWatchlist':
      return { ...base, operation, variables: { first: 20 } };
    case 'MyNotifications':
      return {
        ...base,
        operation,
        variables: { first: 10 },
        onData: (data) => {
          const me = data['me'] as {
            notifications: { edges: { node: { id: string; readAt: string | null } }[] };
          };
          viewer.unreadNotifications = me.notifications.edges
            .filter((edge) => edge.node.readAt === null)
            .map((edge) => edge.node.id);
        },
      };
    case 'UnreadNotificationCount':
      return { ...base, operation, variables: {} };
    case 'Booking':
      return viewer.bookings.length
        ? { ...base, operation, variables: { id: context.random.pick(viewer.bookings) } }
        : { ...base, operation: 'MyBookings', variables: { first: 10 } };
  }
}

/** One connection's requests: drawn by category, and the follow-ups of flows in between. */
export interface ConnectionWorkload {
  next(): PlannedRequest;
  /** Sends `request` next (a flow's next step, after a successful answer). */
  follow(request: PlannedRequest): void;
}

/**
 * The requests of one connection of the load, in CATEGORY_WEIGHTS' proportions. A
 * connection speaks for its own viewers only (none is shared between connections), so a
 * viewer's requests are sent one after another and their state stays consistent. A
 * flow's follow-up goes out at once and counts against its category: the next draw of
 * that category is skipped, so the shares stay as weighed.
 */
export function createConnectionWorkload(
  shared: Omit<PlanContext, 'random'>,
  own: readonly Viewer[],
  seed: number,
): ConnectionWorkload {
  // Each fresh draw gets its own generator (deriveSeed): a state that differs between
  // gateways (a refused hold, a review already written) changes that request only, not
  // the choices of every request after it. A flow's follow-ups use their draw's.
  const context: PlanContext = { ...shared, random: createRandomChoices(seed) };
  let draws = 0;
  const owed: Record<Category, number> = {
    'catalog read': 0,
    'signed-in read': 0,
    'movie page': 0,
    write: 0,
  };
  let pending: PlannedRequest | undefined;
  const browsingToken = (viewer: Viewer) =>
    context.random.chance(SIGNED_IN_BROWSING) ? { token: viewer.token } : {};
  return {
    follow(request) {
      pending = request;
    },
    next() {
      if (pending) {
        const request = pending;
        pending = undefined;
        owed[request.category]++;
        return request;
      }
      context.random = createRandomChoices(deriveSeed(seed, draws++));
      const { random } = context;
      let category = random.weighted(CATEGORY_WEIGHTS);
      while (owed[category] > 0) {
        owed[category]--;
        category = random.weighted(CATEGORY_WEIGHTS);
      }
      const viewer = random.pick(own);
      switch (category) {
        case 'catalog read':
          return { ...catalogRead(context), category, ...browsingToken(viewer) };
        case 'movie page':
          return {
            category,
            operation: 'MoviePage',
            variables: { slug: random.popular(context.data.movies).slug },
            ...browsingToken(viewer),
          };
        case 'signed-in read':
          return signedInRead(context, viewer);
        case 'write':
          return planWrite(context, viewer, own);
      }
    },
  };
}
