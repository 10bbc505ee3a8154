export { generateCatalogue, MOVIE_COUNT, SHOWTIME_DAYS } from './catalogue.ts';
export { seedMovies } from './seedMovies.ts';
