// What one customer may keep without paying: seats per booking, unpaid bookings per
// showtime and in all (src/booking/customerLimits.ts), on real PostgreSQL and Redis.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { testEnvironment, useRedis, useTestDatabase } from '@cinegraph/testing';
import { pino } from 'pino';
import { cancelBooking } from '../src/booking/cancelBooking.ts';
import { createBooking } from '../src/booking/createBooking.ts';
import type { CustomerLimits } from '../src/booking/customerLimits.ts';
import { createLoaders } from '../src/context.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { holdSeats } from '../src/holds/holdSeats.ts';
import type { HoldRecord, SeatHolds } from '../src/holds/seatHolds.ts';
import { createSeatHolds } from '../src/holds/seatHolds.ts';
import type { SeatAvailability } from '../src/seats/seatAvailability.ts';
import { createSeatLayouts } from '../src/seats/seatLayouts.ts';
import { showtimeWithSeats as createShowtime } from './support/showtimeWithSeats.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/bookings/migrations'),
);
const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'bookings-limits-test',
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
});
let db: PrismaClient;
let holds: SeatHolds;
// Seat maps are read from the database and Redis here; nobody listens for announcements.
const availability: SeatAvailability = {
  announce: async () => {},
  events: () => Promise.reject(new Error('not in these tests')),
};

/** The configured defaults. */
const DEFAULTS: CustomerLimits = {
  maxSeatsPerBooking: 10,
  maxUnpaidBookingsPerShowtime: 1,
  maxUnpaidBookings: 3,
};
const hold = (viewer: Viewer, showtimeId: string, seatIds: string[], limits = DEFAULTS) =>
  holdSeats({ db, holds, availability, holdTtlMs: 60_000, limits }, viewer, showtimeId, seatIds);
const book = (viewer: Viewer, holdId: string, key: string, limits = DEFAULTS) =>
  createBooking({ db, holds, limits }, viewer, holdId, key);
const cancel = (viewer: Viewer, bookingId: string) =>
  cancelBooking({ db, holds, availability, cutoffMinutes: 60 }, viewer, bookingId);

const customer = (): Viewer => ({ id: crypto.randomUUID(), role: 'USER' }) as Viewer;
const showtimeWithSeats = () => createShowtime(db);
/** What a client is told: the error's code and limit, or OK. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: { extensions?: Record<string, unknown> }) => ({
      code: error.extensions?.['code'],
      limit: error.extensions?.['limit'],
    }),
  );
const unpaidBookings = (viewer: Viewer) =>
  db.booking.count({ where: { userId: viewer.id, status: 'PENDING_PAYMENT' } });

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 10);
  holds = createSeatHolds(keyspace.locks<HoldRecord>('hold'));
});
afterAll(async () => {
  await db?.$disconnect();
  await keyspace.close();
});

describe('unpaid bookings per showtime', () => {
  it('stops a customer booking a showtime ten seats at a time without paying', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const hoarder = customer();
    const first = await hold(hoarder, showtime.id, seatIds.slice(0, 10));
    const booking = await book(hoarder, first.id, 'first ten');

    expect(await refusal(hold(hoarder, showtime.id, seatIds.slice(10, 20)))).toEqual({
      code: 'CONFLICT',
      limit: 'MAX_UNPAID_BOOKINGS_PER_SHOWTIME',
    });
    // Nothing was held: every seat but the booked ten is still there for others.
    const map = await createLoaders(db, holds, createSeatLayouts(db)).seatMap.load(showtime.id);
    const statuses = new Map(map!.rows.flatMap((row) => row.seats.map((s) => [s.id, s.status])));
    expect(map!.availableSeatCount).toBe(90);
    expect(seatIds.slice(10).every((id) => statuses.get(id) === 'AVAILABLE')).toBe(true);

    // Once paid for, the customer may hold and book again.
    await db.booking.update({ where: { id: booking.id }, data: { status: 'CONFIRMED' } });
    const next = await hold(hoarder, showtime.id, seatIds.slice(10, 20));
    expect((await book(hoarder, next.id, 'next ten')).status).toBe('PENDING_PAYMENT');
  });

  it('is settled by createBooking too, for a hold taken before the first booking committed', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = customer();
    const booked = await hold(viewer, showtime.id, seatIds.slice(0, 2));
    await book(viewer, booked.id, 'first');
    // As if holdSeats had looked just before that booking committed.
    const roomier = { ...DEFAULTS, maxUnpaidBookingsPerShowtime: 2 };
    const late = await hold(viewer, showtime.id, seatIds.slice(2, 4), roomier);
    expect(await refusal(book(viewer, late.id, 'second'))).toEqual({
      code: 'CONFLICT',
      limit: 'MAX_UNPAID_BOOKINGS_PER_SHOWTIME',
    });
    expect(await unpaidBookings(viewer)).toBe(1);
  });
});

describe('unpaid bookings in all', () => {
  const limits = { ...DEFAULTS, maxUnpaidBookings: 2 };

  it('caps them across showtimes until one is paid for or cancelled', async () => {
    const showtimes = await Promise.all([1, 2, 3].map(() => showtimeWithSeats()));
    const viewer = customer();
    const bookings = [];
    for (const [i, { showtime, seatIds }] of showtimes.slice(0, 2).entries()) {
      const held = await hold(viewer, showtime.id, seatIds.slice(0, 2), limits);
      bookings.push(await book(viewer, held.id, `booking ${i}`, limits));
    }
    const third = showtimes[2]!;
    expect(
      await refusal(hold(viewer, third.showtime.id, third.seatIds.slice(0, 2), limits)),
    ).toEqual({ code: 'CONFLICT', limit: 'MAX_UNPAID_BOOKINGS' });
    expect((await holds.heldSeats(third.showtime.id, third.seatIds)).size).toBe(0);
    // createBooking decides, whatever holdSeats let through.
    const slipped = await hold(viewer, third.showtime.id, third.seatIds.slice(0, 2), DEFAULTS);
    expect(await refusal(book(viewer, slipped.id, 'third', limits))).toEqual({
      code: 'CONFLICT',
      limit: 'MAX_UNPAID_BOOKINGS',
    });

    await cancel(viewer, bookings[0]!.id);
    expect(await refusal(book(viewer, slipped.id, 'third', limits))).toBe('OK');
    expect(await unpaidBookings(viewer)).toBe(2);
  });

  it('lets exactly one of two concurrent bookings take the last slot', async () => {
    const one = { ...DEFAULTS, maxUnpaidBookings: 1 };
    const [a, b] = await Promise.all([showtimeWithSeats(), showtimeWithSeats()]);
    // Several customers at once, each racing two bookings: a race lost by luck alone
    // would let one of them through.
    const racers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const viewer = customer();
        const seats = (ids: string[]) => ids.slice(i * 2, i * 2 + 2);
        const holdA = await hold(viewer, a.showtime.id, seats(a.seatIds), one);
        const holdB = await hold(viewer, b.showtime.id, seats(b.seatIds), one);
        return { viewer, holdA, holdB };
      }),
    );
    const outcomes = await Promise.all(
      racers.map(({ viewer, holdA, holdB }) =>
        Promise.all([
          refusal(book(viewer, holdA.id, 'a', one)),
          refusal(book(viewer, holdB.id, 'b', one)),
        ]),
      ),
    );
    for (const [i, pair] of outcomes.entries()) {
      expect(pair).toContainEqual('OK');
      expect(pair).toContainEqual({ code: 'CONFLICT', limit: 'MAX_UNPAID_BOOKINGS' });
      expect(await unpaidBookings(racers[i]!.viewer)).toBe(1);
    }
  });

  it('answers a replay with the booking it made, not with a refusal', async () => {
    const one = { ...DEFAULTS, maxUnpaidBookings: 1 };
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = customer();
    const held = await hold(viewer, showtime.id, seatIds.slice(0, 2), one);
    const [first, again] = await Promise.all([
      book(viewer, held.id, 'same key', one),
      book(viewer, held.id, 'same key', one),
    ]);
    expect(again.id).toBe(first.id);
    expect((await book(viewer, held.id, 'same key', one)).id).toBe(first.id);
    expect(await unpaidBookings(viewer)).toBe(1);
  });
});

describe('seats per booking', () => {
  it('refuses a hold of more seats than a booking may have, naming the limit', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = customer();
    expect(await refusal(hold(viewer, showtime.id, seatIds.slice(0, 11)))).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 'MAX_SEATS_PER_BOOKING',
    });
    const four = { ...DEFAULTS, maxSeatsPerBooking: 4 };
    expect(await refusal(hold(viewer, showtime.id, seatIds.slice(0, 5), four))).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 'MAX_SEATS_PER_BOOKING',
    });
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
    expect(await refusal(hold(viewer, showtime.id, seatIds.slice(0, 4), four))).toBe('OK');
  });
});
