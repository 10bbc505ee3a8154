import { emit } from '@cinegraph/events';
import { badInput, notFound } from '@cinegraph/service-kit';
import type { Movie, PrismaClient } from '../generated/prisma/client.ts';
import type { CreateMovieInput, UpdateMovieInput } from '../schema.types.generated.ts';
import { movieContent } from './movieContent.ts';
import { slugify, validateMovieFields } from './movieInput.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function assertGenresExist(tx: Tx, genreIds: string[]): Promise<void> {
  const found = await tx.genre.count({ where: { id: { in: genreIds } } });
  if (found !== genreIds.length)
    throw badInput('"genreIds" names a genre that does not exist.', 'genreIds');
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx.movie.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })
    ).map((m) => m.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createMovie(db: PrismaClient, input: CreateMovieInput): Promise<Movie> {
  const fields = validateMovieFields(input);
  const {
    genreIds = [],
    title = '',
    synopsis = '',
    releaseDate,
    runtimeMinutes,
    certification,
  } = fields;
  if (!releaseDate || !runtimeMinutes || !certification)
    throw badInput('A movie needs a release date, runtime and certification.');
  return db.$transaction(async (tx) => {
    await assertGenresExist(tx, genreIds);
    const movie = await tx.movie.create({
      data: {
        slug: await freeSlug(tx, slugify(title, releaseDate.getUTCFullYear())),
        title,
        synopsis,
        releaseDate,
        runtimeMinutes,
        certification,
        posterUrl: fields.posterUrl ?? null,
        genres: { create: genreIds.map((genreId) => ({ genreId })) },
      },
    });
    await emit(tx, 'movie.created', {
      movieId: movie.id,
      slug: movie.slug,
      title: movie.title,
      releaseDate: movie.releaseDate.toISOString().slice(0, 10),
      ...(await movieContent(tx, movie.id)),
    });
    return movie;
  });
}

/**
 * Changes the fields given; the slug stays, so links to the movie keep working.
 * `movie.updated` names what changed and carries the content as it now stands.
 */
export async function updateMovie(
  db: PrismaClient,
  id: string,
  input: UpdateMovieInput,
): Promise<Movie> {
  const { genreIds, ...fields } = validateMovieFields(input);
  return db.$transaction(async (tx) => {
    if (!(await tx.movie.findUnique({ where: { id }, select: { id: true } })))
      throw notFound('No movie has that id.');
    if (genreIds) {
      await assertGenresExist(tx, genreIds);
      await tx.movieGenre.deleteMany({ where: { movieId: id } });
      await tx.movieGenre.createMany({
        data: genreIds.map((genreId) => ({ movieId: id, genreId })),
      });
    }
    const movie = await tx.movie.update({ where: { id }, data: fields });
    const changedFields = [...Object.keys(fields), ...(genreIds ? ['genreIds'] : [])];
    if (changedFields.length)
      await emit(tx, 'movie.updated', {
        movieId: id,
        title: movie.title,
        changedFields,
        ...(await movieContent(tx, id)),
      });
    return movie;
  });
}
