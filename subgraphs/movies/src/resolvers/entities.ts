import type { CreditWithPerson } from '../context.ts';
import type { Seat as SeatRow } from '../generated/prisma/client.ts';
import type {
  CastMemberResolvers,
  CrewMemberResolvers,
  GenreResolvers,
  MovieConnectionResolvers,
  MovieResolvers,
  ScreenResolvers,
  SeatResolvers,
  ShowtimeConnectionResolvers,
  ShowtimeResolvers,
  TheaterResolvers,
} from '../schema.generated.ts';

export const Genre: GenreResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.genreById.load(ref.id),
};

const isCast = (credit: CreditWithPerson) => credit.role === 'CAST';

export const Movie: MovieResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.movieById.load(ref.id),
  genres: (movie, _, { loaders }) => loaders.genresByMovieId.load(movie.id),
  cast: async (movie, _, { loaders }) =>
    (await loaders.creditsByMovieId.load(movie.id)).filter(isCast),
  crew: async (movie, _, { loaders }) =>
    (await loaders.creditsByMovieId.load(movie.id)).filter((credit) => !isCast(credit)),
};

export const CastMember: CastMemberResolvers = {
  person: (credit) => credit.person,
};

export const CrewMember: CrewMemberResolvers = {
  person: (credit) => credit.person,
  role: (credit) => credit.role as Exclude<CreditWithPerson['role'], 'CAST'>,
};

export const Theater: TheaterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.theaterById.load(ref.id),
  screens: (theater, _, { loaders }) => loaders.screensByTheaterId.load(theater.id),
};

export const Screen: ScreenResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.screenById.load(ref.id),
  async theater(screen, _, { loaders }) {
    const theater = await loaders.theaterById.load(screen.theaterId);
    if (!theater) throw new Error(`Screen ${screen.id} has no theater`);
    return theater;
  },
  capacity: async (screen, _, { loaders }) =>
    (await loaders.seatsByScreenId.load(screen.id)).length,
  async seatRows(screen, _, { loaders }) {
    const rows = new Map<string, SeatRow[]>();
    for (const seat of await loaders.seatsByScreenId.load(screen.id)) {
      const row = rows.get(seat.row);
      if (row) row.push(seat);
      else rows.set(seat.row, [seat]);
    }
    return [...rows].map(([label, seats]) => ({ label, seats }));
  },
};

export const Seat: SeatResolvers = {
  label: (seat) => `${seat.row}${seat.number}`,
};

/** Rows that a foreign key guarantees; a miss is a broken database, not a client error. */
async function required<Row>(row: Promise<Row | null>, what: string): Promise<Row> {
  const found = await row;
  if (!found) throw new Error(`Missing ${what}`);
  return found;
}

export const Showtime: ShowtimeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.showtimeById.load(ref.id),
  movie: (showtime, _, { loaders }) =>
    required(loaders.movieById.load(showtime.movieId), `movie ${showtime.movieId}`),
  screen: (showtime, _, { loaders }) =>
    required(loaders.screenById.load(showtime.screenId), `screen ${showtime.screenId}`),
  async theater(showtime, _, { loaders }) {
    const screen = await required(
      loaders.screenById.load(showtime.screenId),
      `screen ${showtime.screenId}`,
    );
    return required(loaders.theaterById.load(screen.theaterId), `theater ${screen.theaterId}`);
  },
  price: (showtime) => ({ amountCents: showtime.priceCents, currency: showtime.currency }),
};

export const MovieConnection: MovieConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};

export const ShowtimeConnection: ShowtimeConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
