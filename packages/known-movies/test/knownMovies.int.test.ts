import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope } from '@cinegraph/events';
import { useTestDatabase } from '@cinegraph/testing';
import { knownMovieHandlers, saveKnownMovies, startKnownMoviesBackfill } from '../src/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// The reviews migrations create known_movies as every owner of a copy does (checked below).
const database = useTestDatabase(path.join(repoRoot, 'prisma/reviews/migrations'));
let pool: pg.Pool;

/** The two tagged-template methods the package needs, over a plain pg pool. */
const db = {
  async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    return (await pool.query(text, values)).rowCount ?? 0;
  },
  async $queryRaw(strings: TemplateStringsArray, ...values: unknown[]) {
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    return (await pool.query(text, values)).rows;
  },
};

const titles = async () =>
  new Map(
    (await pool.query<{ movie_id: string; title: string }>('SELECT * FROM known_movies')).rows.map(
      (row) => [row.movie_id, row.title],
    ),
  );

beforeAll(() => {
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
});

describe('the known_movies model', () => {
  it('is declared identically by every subgraph that keeps one', () => {
    const canonical = readFileSync(
      path.join(repoRoot, 'packages/known-movies/prisma/known-movies.prisma'),
      'utf8',
    ).trim();
    for (const owner of ['reviews', 'watchlists']) {
      const schema = readFileSync(path.join(repoRoot, 'prisma', owner, 'schema.prisma'), 'utf8');
      expect(schema, owner).toContain(canonical);
    }
  });
});

describe('known movies', () => {
  it('are recorded from movie.created and renamed by movie.updated, in either order', async () => {
    const handlers = knownMovieHandlers<typeof db>();
    const created = createEnvelope('movie.created', {
      movieId: crypto.randomUUID(),
      slug: 'heat-1995',
      title: 'Heat',
      releaseDate: '1995-12-15',
      genreIds: [],
    });
    await handlers['movie.created'](db, created);
    await handlers['movie.created'](db, created);
    const renamed = createEnvelope('movie.updated', {
      movieId: created.data.movieId,
      title: 'Heat (Director’s Cut)',
      changedFields: ['title'],
    });
    await handlers['movie.updated'](db, renamed);
    const early = createEnvelope('movie.updated', {
      movieId: crypto.randomUUID(),
      title: 'Updated Before Created',
      changedFields: ['title'],
    });
    await handlers['movie.updated'](db, early);

    const known = await titles();
    expect(known.get(created.data.movieId)).toBe('Heat (Director’s Cut)');
    expect(known.get(early.data.movieId)).toBe('Updated Before Created');
  });

  it('are not ready while the backfill cannot reach movies and nothing is known', async () => {
    await pool.query('DELETE FROM known_movies');
    const backfill = startKnownMoviesBackfill({
      moviesUrl: 'http://127.0.0.1:1/graphql', // closed
      db,
      logger: pino({ level: 'silent' }),
      maxDelayMs: 50,
    });
    try {
      await backfill.firstAttempt;
      await expect(backfill.readiness()).rejects.toThrow(/backfill is pending/);
      // Rows from the catalog events are enough to serve.
      await saveKnownMovies(db, [{ id: crypto.randomUUID(), title: 'From an event' }]);
      await expect(backfill.readiness()).resolves.toBeUndefined();
    } finally {
      backfill.stop();
    }
  });
});
