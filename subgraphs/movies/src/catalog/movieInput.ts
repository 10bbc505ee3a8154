import { assertUuid, badInput } from '@cinegraph/service-kit';
import type { Certification, UpdateMovieInput } from '../schema.types.generated.ts';

/** Checks the fields given (absent ones are left alone) and returns them cleaned. */
export function validateMovieFields(input: UpdateMovieInput) {
  const out: {
    title?: string;
    synopsis?: string;
    releaseDate?: Date;
    runtimeMinutes?: number;
    certification?: Certification;
    genreIds?: string[];
    posterUrl?: string | null;
  } = {};
  if (input.title != null) {
    out.title = input.title.trim();
    if (out.title.length < 1 || out.title.length > 200)
      throw badInput('"title" must be 1 to 200 characters.', 'title');
  }
  if (input.synopsis != null) {
    out.synopsis = input.synopsis.trim();
    if (out.synopsis.length > 5000)
      throw badInput('"synopsis" must be at most 5000 characters.', 'synopsis');
  }
  if (input.releaseDate != null) out.releaseDate = input.releaseDate;
  if (input.runtimeMinutes != null) {
    if (
      !Number.isInteger(input.runtimeMinutes) ||
      input.runtimeMinutes < 1 ||
      input.runtimeMinutes > 600
    ) {
      throw badInput('"runtimeMinutes" must be 1 to 600.', 'runtimeMinutes');
    }
    out.runtimeMinutes = input.runtimeMinutes;
  }
  if (input.certification != null) out.certification = input.certification;
  if (input.genreIds != null) {
    if (input.genreIds.length < 1 || input.genreIds.length > 10)
      throw badInput('A movie has 1 to 10 genres.', 'genreIds');
    out.genreIds = [...new Set(input.genreIds.map((id) => assertUuid(id, 'genreIds')))];
  }
  if (input.posterUrl !== undefined) {
    if (input.posterUrl !== null && !/^https:\/\/\S+$/.test(input.posterUrl)) {
      throw badInput('"posterUrl" must be an https URL.', 'posterUrl');
    }
    out.posterUrl = input.posterUrl;
  }
  return out;
}

/** "The Last Horizon", 2019 → "the-last-horizon-2019". */
export function slugify(title: string, year: number): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'movie'}-${year}`;
}
