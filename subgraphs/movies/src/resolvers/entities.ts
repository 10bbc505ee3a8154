import type { CreditWithPerson, MoviesContext } from '../context.ts';
import type {
  Genre as GenreRow,
  Movie as MovieRow,
  Screen as ScreenRow,
  Seat as SeatRow,
  Showtime as ShowtimeRow,
  Theater as TheaterRow,
} from '../generated/prisma/client.ts';

export const Genre = {
  __resolveReference: (ref: { id: string }, { loaders }: MoviesContext) =>
    loaders.genreById.load(ref.id),
};

const isCast = (credit: CreditWithPerson) => credit.role === 'CAST';

export const Movie = {
  __resolveReference: (ref: { id: string }, { loaders }: MoviesContext) =>
    loaders.movieById.load(ref.id),
  releaseDate: (movie: MovieRow) => movie.releaseDate,
  genres: (movie: MovieRow, _: unknown, { loaders }: MoviesContext): Promise<GenreRow[]> =>
    loaders.genresByMovieId.load(movie.id),
  cast: async (movie: MovieRow, _: unknown, { loaders }: MoviesContext) =>
    (await loaders.creditsByMovieId.load(movie.id)).filter(isCast),
  crew: async (movie: MovieRow, _: unknown, { loaders }: MoviesContext) =>
    (await loaders.creditsByMovieId.load(movie.id)).filter((credit) => !isCast(credit)),
};

export const Theater = {
  __resolveReference: (ref: { id: string }, { loaders }: MoviesContext) =>
    loaders.theaterById.load(ref.id),
  screens: (theater: TheaterRow, _: unknown, { loaders }: MoviesContext) =>
    loaders.screensByTheaterId.load(theater.id),
};

export const Screen = {
  __resolveReference: (ref: { id: string }, { loaders }: MoviesContext) =>
    loaders.screenById.load(ref.id),
  theater: (screen: ScreenRow, _: unknown, { loaders }: MoviesContext) =>
    loaders.theaterById.load(screen.theaterId),
  capacity: async (screen: ScreenRow, _: unknown, { loaders }: MoviesContext) =>
    (await loaders.seatsByScreenId.load(screen.id)).length,
  async seatRows(screen: ScreenRow, _: unknown, { loaders }: MoviesContext) {
    const rows = new Map<string, SeatRow[]>();
    for (const seat of await loaders.seatsByScreenId.load(screen.id)) {
      rows.set(seat.row, [...(rows.get(seat.row) ?? []), seat]);
    }
    return [...rows].map(([label, seats]) => ({ label, seats }));
  },
};

export const Seat = {
  label: (seat: SeatRow) => `${seat.row}${seat.number}`,
};

export const Showtime = {
  __resolveReference: (ref: { id: string }, { loaders }: MoviesContext) =>
    loaders.showtimeById.load(ref.id),
  movie: (showtime: ShowtimeRow, _: unknown, { loaders }: MoviesContext) =>
    loaders.movieById.load(showtime.movieId),
  screen: (showtime: ShowtimeRow, _: unknown, { loaders }: MoviesContext) =>
    loaders.screenById.load(showtime.screenId),
  async theater(showtime: ShowtimeRow, _: unknown, { loaders }: MoviesContext) {
    const screen = await loaders.screenById.load(showtime.screenId);
    return screen && loaders.theaterById.load(screen.theaterId);
  },
  price: (showtime: ShowtimeRow) => ({
    amountCents: showtime.priceCents,
    currency: showtime.currency,
  }),
};
