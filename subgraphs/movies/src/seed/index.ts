export { generateCatalog, MOVIE_COUNT, SHOWTIME_DAYS } from './catalog.ts';
export { seedMovies } from './seedMovies.ts';
