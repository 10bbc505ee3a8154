// The start-up backfill of bookings' catalog copy (src/catalog/knownCatalog.ts) against a
// stand-in for the movies subgraph: seat layouts, showtimes, and each showtime's city.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { startCatalogBackfill } from '../src/catalog/knownCatalog.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/bookings/migrations'),
);
let db: PrismaClient;

const screenId = crypto.randomUUID();
const seats = [
  { id: crypto.randomUUID(), row: 'A', number: 1, type: 'PREMIUM' },
  { id: crypto.randomUUID(), row: 'B', number: 1, type: 'STANDARD' },
];
const startsAt = new Date(Date.now() + 48 * 3_600_000);
const showtime = (id: string, theater: { name: string; timeZone: string; city: string }) => ({
  id,
  startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
  movie: { id: crypto.randomUUID(), title: 'Heat' },
  screen: { id: screenId },
  theater,
  price: { amountCents: 1_100, currency: 'GBP' },
});
const leith = { name: 'CineGraph Leith', timeZone: 'Europe/London', city: 'Edinburgh' };
const camden = { name: 'CineGraph Camden', timeZone: 'Europe/London', city: 'London' };
const fresh = showtime(crypto.randomUUID(), leith);
/** Known here already, from a showtime.created sent before the event carried the city. */
const older = showtime(crypto.randomUUID(), camden);

// The stand-in holds the backfill to the movies subgraph's real schema: a field that
// movies does not have (or no longer has) fails the test here, not at a deployment.
const moviesSchema = buildSubgraphSchema({
  typeDefs: parse(
    readFileSync(path.resolve(import.meta.dirname, '../../movies/src/schema.graphql'), 'utf8'),
  ),
});

/** Answers the backfill's two queries as the movies subgraph would. */
const movies = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk));
  request.on('end', () => {
    const { query, variables } = JSON.parse(body) as {
      query: string;
      variables: { date?: string };
    };
    response.setHeader('content-type', 'application/json');
    const errors = validate(moviesSchema, parse(query));
    if (errors.length) return response.end(JSON.stringify({ errors }));
    const data = query.includes('BookingsSeatLayouts')
      ? { theaters: [{ screens: [{ id: screenId, seatRows: [{ seats }] }] }] }
      : {
          showtimes: {
            // Everything not started yet; no showtime started on the days around today.
            edges: variables.date ? [] : [fresh, older].map((node) => ({ node })),
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        };
    response.end(JSON.stringify({ data }));
  });
});

beforeAll(async () => {
  db = createPrismaClient(PrismaClient, database.url, 5);
  await new Promise<void>((resolve) => movies.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await db?.$disconnect();
  await new Promise((resolve) => movies.close(resolve));
});

describe('the catalog backfill', () => {
  it('copies seats and showtimes with their theater’s city, filling in a city not known yet', async () => {
    await db.knownShowtime.create({
      data: {
        id: older.id,
        movieId: older.movie.id,
        screenId,
        startsAt: new Date(older.startsAt),
        endsAt: new Date(older.endsAt),
        priceCents: 1_100,
        currency: 'GBP',
        movieTitle: 'Heat',
        theaterName: camden.name,
        timeZone: camden.timeZone,
      },
    });
    const { port } = movies.address() as AddressInfo;
    const backfill = startCatalogBackfill({
      moviesUrl: `http://127.0.0.1:${port}/graphql`,
      db,
      logger: pino({ level: 'silent' }),
    });
    try {
      await backfill.firstAttempt;
      expect(backfill.isDone()).toBe(true);
    } finally {
      backfill.stop();
    }

    expect(await db.knownSeat.count({ where: { screenId } })).toBe(2);
    const known = await db.knownShowtime.findMany({ where: { screenId }, orderBy: { id: 'asc' } });
    expect(new Map(known.map((row) => [row.id, row.city]))).toEqual(
      new Map([
        [fresh.id, 'Edinburgh'],
        [older.id, 'London'],
      ]),
    );
    expect(known.find((row) => row.id === fresh.id)).toMatchObject({
      movieId: fresh.movie.id,
      theaterName: leith.name,
      startsAt,
    });
  });
});
