// Seat layouts kept in process memory (src/seats/seatLayouts.ts): read once per screen, yet
// every seat map and count still follows the holds and bookings, on real PostgreSQL and Redis.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { testEnvironment, useRedis, useTestDatabase } from '@cinegraph/testing';
import { pino } from 'pino';
import { createBooking } from '../src/booking/createBooking.ts';
import { createLoaders } from '../src/context.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { holdSeats, releaseHold } from '../src/holds/holdSeats.ts';
import type { HoldRecord, SeatHolds } from '../src/holds/seatHolds.ts';
import { createSeatHolds } from '../src/holds/seatHolds.ts';
import type { SeatAvailability } from '../src/seats/seatAvailability.ts';
import { createSeatLayouts } from '../src/seats/seatLayouts.ts';
import type { SeatMapModel } from '../src/seats/seatMap.ts';
import { showtimeWithSeats as createShowtime } from './support/showtimeWithSeats.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/bookings/migrations'),
);
const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'bookings-layouts-test',
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
});
let db: PrismaClient;
let holds: SeatHolds;
// Nobody listens for announcements here.
const availability: SeatAvailability = {
  announce: async () => {},
  events: () => Promise.reject(new Error('not in these tests')),
};
const LIMITS = { maxSeatsPerBooking: 10, maxUnpaidBookingsPerShowtime: 1, maxUnpaidBookings: 3 };
const customer = (): Viewer => ({ id: crypto.randomUUID(), role: 'USER' }) as Viewer;
const hold = (viewer: Viewer, showtimeId: string, seatIds: string[]) =>
  holdSeats(
    { db, holds, availability, holdTtlMs: 60_000, limits: LIMITS },
    viewer,
    showtimeId,
    seatIds,
  );

/** Layouts on a database whose seat reads are counted. */
function countedLayouts() {
  const reads = { count: 0 };
  const layouts = createSeatLayouts({
    knownSeat: {
      findMany: ((args: Parameters<PrismaClient['knownSeat']['findMany']>[0]) => {
        reads.count++;
        return db.knownSeat.findMany(args);
      }) as PrismaClient['knownSeat']['findMany'],
    } as PrismaClient['knownSeat'],
  });
  return { layouts, reads };
}
const statusesOf = (map: SeatMapModel | null) =>
  new Map(map!.rows.flatMap((row) => row.seats.map((seat) => [seat.id, seat.status])));

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 10);
  holds = createSeatHolds(keyspace.locks<HoldRecord>('hold'));
});
afterAll(async () => {
  await db?.$disconnect();
  await keyspace.close();
});

describe('seat layouts kept in process', () => {
  it('reads a screen once, yet every request sees the holds and bookings of the moment', async () => {
    const { showtime, seatIds } = await createShowtime(db);
    const { layouts, reads } = countedLayouts();
    // A fresh request's loaders each time, as the service makes them.
    const seatMap = () => createLoaders(db, holds, layouts).seatMap.load(showtime.id);
    const count = () => createLoaders(db, holds, layouts).availableSeatCount.load(showtime.id);

    // Two first requests at once share one read.
    const [first, second] = await Promise.all([seatMap(), count()]);
    expect(first!.availableSeatCount).toBe(100);
    expect(second).toBe(100);
    expect(first!.rows.map((row) => row.label)).toEqual('ABCDEFGHIJ'.split(''));
    expect(first!.rows[0]!.seats.map((seat) => seat.label)).toEqual(
      Array.from({ length: 10 }, (_, i) => `A${i + 1}`),
    );

    const buyer = customer();
    const held = await hold(buyer, showtime.id, seatIds.slice(0, 2));
    expect(statusesOf(await seatMap()).get(seatIds[0]!)).toBe('HELD');
    expect(await count()).toBe(98);

    const booking = await createBooking({ db, holds, limits: LIMITS }, buyer, held.id, 'k');
    await db.booking.update({ where: { id: booking.id }, data: { status: 'CONFIRMED' } });
    const other = await hold(customer(), showtime.id, [seatIds[5]!]);
    const statuses = statusesOf(await seatMap());
    expect([0, 1, 5, 6].map((i) => statuses.get(seatIds[i]!))).toEqual([
      'SOLD',
      'SOLD',
      'HELD',
      'AVAILABLE',
    ]);
    expect(await count()).toBe(97);

    await releaseHold(
      { holds, availability },
      { id: other.userId, role: 'USER' } as Viewer,
      other.id,
    );
    expect(statusesOf(await seatMap()).get(seatIds[5]!)).toBe('AVAILABLE');
    expect(await count()).toBe(98);
    expect(reads.count).toBe(1);
  });

  it('does not keep a screen whose seats are not there yet', async () => {
    const { showtime } = await createShowtime(db);
    const screenId = crypto.randomUUID();
    const early = await db.knownShowtime.create({
      data: { ...showtime, id: crypto.randomUUID(), screenId },
    });
    const { layouts, reads } = countedLayouts();
    const loaders = () => createLoaders(db, holds, layouts);

    // Known showtime, no seats yet: an empty map (not NOT_FOUND), asked again next time.
    expect(await loaders().seatMap.load(early.id)).toEqual({ rows: [], availableSeatCount: 0 });
    await db.knownSeat.createMany({
      data: ['A', 'B'].flatMap((row) =>
        [1, 2].map((number) => ({
          id: crypto.randomUUID(),
          screenId,
          row,
          number,
          type: 'STANDARD' as const,
        })),
      ),
    });
    expect(await loaders().availableSeatCount.load(early.id)).toBe(4);
    expect((await loaders().seatMap.load(early.id))!.rows.map((row) => row.label)).toEqual([
      'A',
      'B',
    ]);
    expect(reads.count).toBe(2);
  });

  it('answers a batch of showtimes with one hold lookup, and null for unknown ones', async () => {
    const [a, b] = [await createShowtime(db), await createShowtime(db)];
    await hold(customer(), b.showtime.id, b.seatIds.slice(0, 3));
    const counted = {
      ...holds,
      heldSeats: vi.fn(holds.heldSeats),
      heldSeatsOfEach: vi.fn(holds.heldSeatsOfEach),
    };
    const loaders = createLoaders(db, counted, createSeatLayouts(db));
    const unknown = crypto.randomUUID();

    const counts = await Promise.all(
      [a.showtime.id, b.showtime.id, unknown, 'not-a-uuid'].map((id) =>
        loaders.availableSeatCount.load(id),
      ),
    );
    expect(counts).toEqual([100, 97, null, null]);
    expect(await loaders.seatMap.load(unknown)).toBeNull();
    expect(counted.heldSeatsOfEach).toHaveBeenCalledTimes(1);
    expect(counted.heldSeats).not.toHaveBeenCalled();
  });
});
