import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, eventConsumers } from '@cinegraph/events';
import type { Keyspace } from '@cinegraph/keyspace';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { eventually, testEnvironment, useRedis, useTestDatabase } from '@cinegraph/testing';
import { pino } from 'pino';
import { Counter } from 'prom-client';
import { cancelBooking } from '../src/booking/cancelBooking.ts';
import { createBooking } from '../src/booking/createBooking.ts';
import type { CustomerLimits } from '../src/booking/customerLimits.ts';
import { expireBookings, startExpiryWorker } from '../src/booking/expireBookings.ts';
import { createLoaders } from '../src/context.ts';
import { createHandlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { holdSeats, releaseHold } from '../src/holds/holdSeats.ts';
import type { HoldRecord, SeatHolds } from '../src/holds/seatHolds.ts';
import { createSeatHolds } from '../src/holds/seatHolds.ts';
import { startHoldExpiryAnnouncer } from '../src/seats/holdExpiryAnnouncer.ts';
import type {
  SeatAvailability,
  SeatAvailabilityEventModel,
} from '../src/seats/seatAvailability.ts';
import { createSeatAvailability } from '../src/seats/seatAvailability.ts';
import type { SeatLayouts } from '../src/seats/seatLayouts.ts';
import { createSeatLayouts } from '../src/seats/seatLayouts.ts';
import { showtimeWithSeats as createShowtime } from './support/showtimeWithSeats.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/bookings/migrations'),
);
const { redis, prefix } = useRedis();
let db: PrismaClient;
let holds: SeatHolds;
let availability: SeatAvailability;
let layouts: SeatLayouts;
/** A replica's keyspace on the test Redis, under this file's prefix; closed after the tests. */
const keyspaces: Keyspace[] = [];
function openKeyspace(): Keyspace {
  const keyspace = connectKeyspace(testEnvironment.redisUrl, {
    name: 'bookings-test',
    keyPrefix: prefix,
    logger: pino({ level: 'silent' }),
  });
  keyspaces.push(keyspace);
  return keyspace;
}
const keyspace = openKeyspace();
const HOLD_TTL_MS = 60_000;
/** The configured defaults (MAX_SEATS_PER_BOOKING and the caps on unpaid bookings). */
const LIMITS: CustomerLimits = {
  maxSeatsPerBooking: 10,
  maxUnpaidBookingsPerShowtime: 1,
  maxUnpaidBookings: 3,
};

const user = (role: Viewer['role'] = 'USER'): Viewer =>
  ({ id: crypto.randomUUID(), role }) as Viewer;

const showtimeWithSeats = (hoursAhead?: number, city?: string | null) =>
  createShowtime(db, hoursAhead, city);

const deps = () => ({ db, holds, availability, holdTtlMs: HOLD_TTL_MS, limits: LIMITS });
const bookingDeps = () => ({ db, holds, limits: LIMITS });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: { extensions?: { code?: string } }) => error.extensions?.code ?? String(error),
  );

/** A bookings replica's seat availability on its own keyspace connection. */
function replicaAvailability(pubSub = keyspace.pubSub) {
  return createSeatAvailability({
    pubSub,
    readSeatMap: (showtimeId) => createLoaders(db, holds, layouts).seatMap.load(showtimeId),
    logger: pino({ level: 'silent' }),
    published: new Counter({
      name: 'test_announcements',
      help: 'test',
      labelNames: ['outcome'],
      registers: [],
    }),
  });
}

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 10);
  holds = createSeatHolds(keyspace.locks<HoldRecord>('hold'));
  layouts = createSeatLayouts(db);
  availability = replicaAvailability();
});
afterAll(async () => {
  await db?.$disconnect();
  await Promise.all(keyspaces.map((each) => each.close()));
});

describe('the bookings consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(createHandlers(holds)).sort()).toEqual([...eventConsumers.bookings].sort());
  });

  it('keeps showtime.created’s city, and fills it in for a showtime first known without one', async () => {
    const facts = {
      movieId: crypto.randomUUID(),
      screenId: crypto.randomUUID(),
      startsAt: '2031-03-01T19:00:00.000Z',
      endsAt: '2031-03-01T21:15:00.000Z',
      priceCents: 1_200,
      currency: 'GBP',
      movieTitle: 'Heat',
      theaterName: 'CineGraph Leith',
      timeZone: 'Europe/London',
    };
    const handle = (
      data: Parameters<ReturnType<typeof createHandlers>['showtime.created']>[1]['data'],
    ) =>
      db.$transaction((tx) =>
        createHandlers(holds)['showtime.created'](tx, createEnvelope('showtime.created', data)),
      );
    const withCity = { ...facts, showtimeId: crypto.randomUUID(), city: 'Edinburgh' };
    // An event queued before showtime.created carried the city, then one that has it.
    const older = { ...facts, showtimeId: crypto.randomUUID() };
    await handle(withCity);
    await handle(older);
    const cityOf = async (id: string) =>
      (await db.knownShowtime.findUniqueOrThrow({ where: { id } })).city;
    expect(await cityOf(withCity.showtimeId)).toBe('Edinburgh');
    expect(await cityOf(older.showtimeId)).toBeNull();
    await handle({ ...older, city: 'Edinburgh' });
    expect(await cityOf(older.showtimeId)).toBe('Edinburgh');
    // A city once known stays: an older event redelivered does not erase it.
    await handle(older);
    expect(await cityOf(older.showtimeId)).toBe('Edinburgh');
  });
});

describe('holdSeats', () => {
  it('gives every seat to one of 200 concurrent users at most, and the winners’ seats add up', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const pool = seatIds.slice(0, 30); // a hot block: heavy overlap
    const users = Array.from({ length: 200 }, () => user());
    const attempts = await Promise.allSettled(
      users.map((viewer, i) =>
        holdSeats(
          deps(),
          viewer,
          showtime.id,
          [pool[i % 30]!, pool[(i * 7 + 3) % 30]!, pool[(i * 13 + 5) % 30]!].filter(
            (id, j, all) => all.indexOf(id) === j,
          ),
        ),
      ),
    );
    const winners = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    for (const loser of attempts.filter((a) => a.status === 'rejected'))
      expect((loser as PromiseRejectedResult).reason.extensions.code).toBe('CONFLICT');
    const won = winners.flatMap((hold) => hold.seatIds);
    expect(new Set(won).size).toBe(won.length); // no seat in two holds
    expect(winners.length).toBeGreaterThan(0);
    // Redis agrees: each won seat is held, by its winner.
    expect([...(await holds.heldSeats(showtime.id, pool))].sort()).toEqual([...won].sort());
  });

  it('replaces the user’s previous hold for the showtime, and releases on request', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = user();
    const first = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 2));
    const second = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(1, 4));
    expect(await holds.read(first.id)).toBeNull();
    expect([...(await holds.heldSeats(showtime.id, seatIds.slice(0, 4)))].sort()).toEqual(
      seatIds.slice(1, 4).sort(),
    );
    // Someone else cannot take them, nor release them.
    expect(await codeOf(holdSeats(deps(), user(), showtime.id, [seatIds[2]!]))).toBe('CONFLICT');
    expect(await codeOf(releaseHold({ holds, availability }, user(), second.id))).toBe('NOT_FOUND');
    expect(await releaseHold({ holds, availability }, viewer, second.id)).toBe(true);
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
  });

  it('prices PREMIUM seats at half as much again', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const hold = await holdSeats(deps(), user(), showtime.id, [seatIds[0]!, seatIds[10]!]);
    expect(hold).toMatchObject({ totalCents: 2_500, currency: 'GBP' });
  });

  it.each([
    ['11 seats', (ids: string[]) => ids.slice(0, 11), 'BAD_USER_INPUT'],
    ['no seat', () => [], 'BAD_USER_INPUT'],
    ['a seat twice', (ids: string[]) => [ids[0]!, ids[0]!], 'BAD_USER_INPUT'],
    ['a seat of another screen', () => [crypto.randomUUID()], 'BAD_USER_INPUT'],
  ])('refuses %s and holds nothing', async (_, pick, code) => {
    const { showtime, seatIds } = await showtimeWithSeats();
    expect(await codeOf(holdSeats(deps(), user(), showtime.id, pick(seatIds)))).toBe(code);
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
  });

  it('refuses a showtime that has started (CONFLICT) or that it does not know (NOT_FOUND)', async () => {
    const { showtime, seatIds } = await showtimeWithSeats(-1);
    expect(await codeOf(holdSeats(deps(), user(), showtime.id, [seatIds[0]!]))).toBe('CONFLICT');
    expect(await codeOf(holdSeats(deps(), user(), crypto.randomUUID(), [seatIds[0]!]))).toBe(
      'NOT_FOUND',
    );
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
  });
});

describe('createBooking', () => {
  it('books a hold once per idempotency key, with booking.created in its transaction', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = user();
    const hold = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 3));
    const [a, b] = await Promise.all([
      createBooking(bookingDeps(), viewer, hold.id, 'key-1'),
      createBooking(bookingDeps(), viewer, hold.id, 'key-1'),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({
      status: 'PENDING_PAYMENT',
      totalCents: 4_500,
      seatIds: hold.seatIds,
    });
    expect(await db.booking.count({ where: { userId: viewer.id } })).toBe(1);
    const events = await db.outboxEvent.findMany({
      where: { type: 'booking.created', data: { path: ['bookingId'], equals: a.id } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ amountCents: 4_500, currency: 'GBP' }); // row A: premium

    // The hold is spent: another key is CONFLICT; the key with another hold too.
    expect(await codeOf(createBooking(bookingDeps(), viewer, hold.id, 'key-2'))).toBe('CONFLICT');
    // A second unpaid booking on the showtime needs a higher cap (customerLimits.int.test.ts).
    const roomier = { ...deps(), limits: { ...LIMITS, maxUnpaidBookingsPerShowtime: 2 } };
    const other = await holdSeats(roomier, viewer, showtime.id, seatIds.slice(5, 6));
    expect(await codeOf(createBooking(bookingDeps(), viewer, other.id, 'key-1'))).toBe('CONFLICT');
    // Booked seats cannot be held again.
    expect(await codeOf(holdSeats(deps(), user(), showtime.id, [seatIds[0]!]))).toBe('CONFLICT');
  });

  it('is NOT_FOUND for an unknown, expired or someone else’s hold, writing nothing', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const owner = user();
    const hold = await holdSeats(deps(), owner, showtime.id, [seatIds[0]!]);
    const stranger = user();
    expect(await codeOf(createBooking(bookingDeps(), stranger, hold.id, 'k'))).toBe('NOT_FOUND');
    expect(await codeOf(createBooking(bookingDeps(), owner, crypto.randomUUID(), 'k'))).toBe(
      'NOT_FOUND',
    );
    const brief = await holdSeats({ ...deps(), holdTtlMs: 50 }, user(), showtime.id, [seatIds[1]!]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await holds.read(brief.id)).toBeNull();
    expect(await db.booking.count({ where: { showtimeId: showtime.id } })).toBe(0);
  });

  it('never sells a seat twice even when Redis is bypassed: the reservation key decides', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    // Two holds for the same seat written straight into Redis, as if the lock had failed.
    const forged = (viewer: Viewer): HoldRecord => ({
      id: crypto.randomUUID(),
      userId: viewer.id,
      showtimeId: showtime.id,
      seatIds: [seatIds[0]!, seatIds[1]!],
      totalCents: 2_000,
      currency: 'GBP',
      expiresAt: new Date(Date.now() + HOLD_TTL_MS).toISOString(),
    });
    const [alice, bob] = [user(), user()];
    const holdsOf = [forged(alice), forged(bob)];
    for (const hold of holdsOf) {
      const lease = { id: hold.id, group: `${showtime.id}:${hold.userId}`, keys: [], data: hold };
      await redis.set(`hold:lease:${hold.id}`, JSON.stringify(lease));
    }
    const outcomes = await Promise.all([
      codeOf(createBooking(bookingDeps(), alice, holdsOf[0]!.id, 'a')),
      codeOf(createBooking(bookingDeps(), bob, holdsOf[1]!.id, 'b')),
    ]);
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await db.seatReservation.count({ where: { showtimeId: showtime.id } })).toBe(2);
    expect(await db.booking.count({ where: { showtimeId: showtime.id } })).toBe(1);
  });
});

describe('expiry and cancellation', () => {
  it('expires unpaid bookings past their hold, freeing the seats, with booking.expired', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const viewer = user();
    const hold = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 2));
    const booking = await createBooking(bookingDeps(), viewer, hold.id, 'expiring');
    expect(await expireBookings(db, new Date(Date.now() - 1_000))).toEqual([]);
    expect(await expireBookings(db, new Date(booking.expiresAt.getTime() + 1))).toContainEqual({
      showtimeId: showtime.id,
      seatIds: seatIds.slice(0, 2),
    });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'EXPIRED',
    );
    expect(await db.seatReservation.count({ where: { bookingId: booking.id } })).toBe(0);
    expect(
      await db.outboxEvent.count({
        where: { type: 'booking.expired', data: { path: ['bookingId'], equals: booking.id } },
      }),
    ).toBe(1);
  });

  it('lets only the customer cancel, until the cut-off, once', async () => {
    const { showtime, seatIds } = await showtimeWithSeats(24);
    const viewer = user();
    const hold = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 2));
    const booking = await createBooking(bookingDeps(), viewer, hold.id, 'cancel-me');
    const cancel = (who: Viewer, cutoffMinutes = 60) =>
      codeOf(cancelBooking({ db, holds, availability, cutoffMinutes }, who, booking.id));

    expect(await cancel(user('ADMIN'))).toBe('FORBIDDEN');
    expect(await cancel(viewer, 25 * 60)).toBe('CONFLICT'); // past a 25-hour cut-off
    expect(await cancel(viewer)).toBe('OK');
    expect(await cancel(viewer)).toBe('CONFLICT');
    expect(await db.seatReservation.count({ where: { bookingId: booking.id } })).toBe(0);
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
    expect(
      await db.outboxEvent.count({
        where: { type: 'booking.cancelled', data: { path: ['bookingId'], equals: booking.id } },
      }),
    ).toBe(1);
  });
});

describe('the saga steps', () => {
  /** A booking waiting for payment, and the payment events for it. */
  async function pendingBooking(city?: string | null) {
    const { showtime, seatIds } = await showtimeWithSeats(undefined, city);
    const viewer = user();
    const hold = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(10, 12));
    const booking = await createBooking(bookingDeps(), viewer, hold.id, 'saga');
    const facts = { paymentId: crypto.randomUUID(), bookingId: booking.id, userId: viewer.id };
    return { booking, facts, seatIds: seatIds.slice(10, 12), showtime };
  }
  const handle = <Type extends 'payment.succeeded' | 'payment.failed' | 'payment.refunded'>(
    type: Type,
    data: Parameters<ReturnType<typeof createHandlers>[Type]>[1]['data'],
  ) => {
    const event = createEnvelope(type, data as never);
    const handler = createHandlers(holds)[type] as (tx: unknown, e: unknown) => Promise<void>;
    return db.$transaction((tx) => handler(tx, event));
  };
  const eventCount = (type: string, bookingId: string) =>
    db.outboxEvent.count({ where: { type, data: { path: ['bookingId'], equals: bookingId } } });

  it('confirms once with the ticket, and only restates it when asked again', async () => {
    const { booking, facts, showtime } = await pendingBooking();
    const succeeded = { ...facts, amountCents: booking.totalCents, currency: 'GBP' };
    await handle('payment.succeeded', succeeded);
    // payments' reconciliation asks again (a new event): the answer carries no new ticket.
    await handle('payment.succeeded', succeeded);
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'CONFIRMED',
    );
    const [ticket, restated] = await db.outboxEvent.findMany({
      where: { type: 'booking.confirmed', data: { path: ['bookingId'], equals: booking.id } },
      orderBy: { id: 'asc' },
    });
    expect(ticket!.data).not.toHaveProperty('restated');
    expect(restated!.data).toMatchObject({ bookingId: booking.id, restated: true });
    expect(ticket!.data).toMatchObject({
      movieTitle: 'Heat',
      theaterName: 'The Electric',
      timeZone: 'Europe/London',
      seats: ['B1', 'B2'],
    });
    // What recommendations learns: the movie booked, and where.
    const place = { movieId: showtime.movieId, city: 'London' };
    expect(ticket!.data).toMatchObject(place);
    expect(restated!.data).toMatchObject(place);
  });

  it('names the movie but no city in booking.confirmed while the showtime’s city is unknown', async () => {
    const { booking, facts, showtime } = await pendingBooking(null);
    await handle('payment.succeeded', {
      ...facts,
      amountCents: booking.totalCents,
      currency: 'GBP',
    });
    const [ticket] = await db.outboxEvent.findMany({
      where: { type: 'booking.confirmed', data: { path: ['bookingId'], equals: booking.id } },
    });
    expect(ticket!.data).toMatchObject({ bookingId: booking.id, movieId: showtime.movieId });
    expect(ticket!.data).not.toHaveProperty('city');
  });

  it('compensates a failed payment once: CANCELLED, seats free in PostgreSQL and Redis', async () => {
    const { booking, facts, seatIds, showtime } = await pendingBooking();
    await handle('payment.failed', { ...facts, reason: 'card_declined' });
    await handle('payment.failed', { ...facts, reason: 'card_declined' });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'CANCELLED',
    );
    expect(await db.seatReservation.count({ where: { bookingId: booking.id } })).toBe(0);
    expect((await holds.heldSeats(showtime.id, seatIds)).size).toBe(0);
    expect(await eventCount('booking.cancelled', booking.id)).toBe(1);
  });

  it('confirms a booking paid after it expired while its seats are still free', async () => {
    const { booking, facts, seatIds, showtime } = await pendingBooking();
    await expireBookings(db, new Date(booking.expiresAt.getTime() + 1));
    expect(await db.seatReservation.count({ where: { bookingId: booking.id } })).toBe(0);
    const succeeded = { ...facts, amountCents: booking.totalCents, currency: 'GBP' };
    await handle('payment.succeeded', succeeded);
    await handle('payment.succeeded', succeeded);
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'CONFIRMED',
    );
    const reserved = await db.seatReservation.findMany({ where: { bookingId: booking.id } });
    expect(reserved.map((r) => r.seatId).sort()).toEqual([...seatIds].sort());
    expect(reserved.every((r) => r.showtimeId === showtime.id)).toBe(true);
    // The ticket once; the second payment.succeeded only restates it.
    expect(await eventCount('booking.confirmed', booking.id)).toBe(2);
    expect(await eventCount('booking.cancelled', booking.id)).toBe(0);
  });

  it('refunds a payment that arrives after the booking expired and its seats were sold', async () => {
    const { booking, facts, seatIds, showtime } = await pendingBooking();
    await expireBookings(db, new Date(booking.expiresAt.getTime() + 1));
    // Its hold's seat keys run out with it (here, expiry is simulated ahead of time); then
    // someone else books one of the seats.
    await holds.release({
      id: booking.holdId,
      userId: booking.userId,
      showtimeId: showtime.id,
      seatIds,
    });
    const other = user();
    const hold = await holdSeats(deps(), other, showtime.id, [seatIds[1]!]);
    await createBooking(bookingDeps(), other, hold.id, 'took-it');
    await handle('payment.succeeded', { ...facts, amountCents: 1, currency: 'GBP' });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'EXPIRED',
    );
    // Nothing of the attempt to take the seats back is left behind.
    expect(await db.seatReservation.count({ where: { bookingId: booking.id } })).toBe(0);
    const [cancelled] = await db.outboxEvent.findMany({
      where: { type: 'booking.cancelled', data: { path: ['bookingId'], equals: booking.id } },
    });
    expect(cancelled!.data).toMatchObject({ cause: 'ended' });
    expect(await eventCount('booking.confirmed', booking.id)).toBe(0);
    await handle('payment.refunded', { ...facts, amountCents: 1, currency: 'GBP' });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'REFUNDED',
    );
  });

  it('refunds a payment whose booking was cancelled, even when its seats are free', async () => {
    const { booking, facts } = await pendingBooking();
    await db.booking.update({ where: { id: booking.id }, data: { status: 'CANCELLED' } });
    await db.seatReservation.deleteMany({ where: { bookingId: booking.id } });
    await handle('payment.succeeded', { ...facts, amountCents: 1, currency: 'GBP' });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'CANCELLED',
    );
    expect(await eventCount('booking.cancelled', booking.id)).toBe(1);
    expect(await eventCount('booking.confirmed', booking.id)).toBe(0);
  });
});

describe('the seat map', () => {
  it('shows each seat AVAILABLE, HELD (a hold or an unpaid booking) or SOLD', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const buyer = user();
    const hold = await holdSeats(deps(), buyer, showtime.id, [seatIds[0]!]);
    const booking = await createBooking(bookingDeps(), buyer, hold.id, 'map');
    await holdSeats(deps(), user(), showtime.id, [seatIds[1]!]);
    const confirmedHold = await holdSeats(deps(), user(), showtime.id, [seatIds[2]!]);
    const confirmed = await createBooking(
      bookingDeps(),
      { id: confirmedHold.userId, role: 'USER' } as Viewer,
      confirmedHold.id,
      'map',
    );
    await db.booking.update({ where: { id: confirmed.id }, data: { status: 'CONFIRMED' } });
    expect(booking.status).toBe('PENDING_PAYMENT');

    const map = await createLoaders(db, holds, layouts).seatMap.load(showtime.id);
    const statusOf = new Map(map!.rows.flatMap((row) => row.seats.map((s) => [s.id, s.status])));
    expect(statusOf.get(seatIds[0]!)).toBe('HELD');
    expect(statusOf.get(seatIds[1]!)).toBe('HELD');
    expect(statusOf.get(seatIds[2]!)).toBe('SOLD');
    expect(statusOf.get(seatIds[3]!)).toBe('AVAILABLE');
    expect(map!.availableSeatCount).toBe(97);
    expect(map!.rows.map((row) => row.label)).toEqual('ABCDEFGHIJ'.split(''));
    expect(await createLoaders(db, holds, layouts).seatMap.load(crypto.randomUUID())).toBeNull();
  });
});

describe('live seat availability', () => {
  /** The next event, or a failure after `timeoutMs`. */
  async function nextEvent(
    events: AsyncIterableIterator<SeatAvailabilityEventModel>,
    timeoutMs = 5_000,
  ): Promise<SeatAvailabilityEventModel> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no seat event arrived')), timeoutMs);
    });
    try {
      const result = await Promise.race([events.next(), timeout]);
      if (result.done) throw new Error('the stream ended');
      return result.value;
    } finally {
      clearTimeout(timer);
    }
  }
  const statuses = (event: SeatAvailabilityEventModel) =>
    Object.fromEntries(event.changedSeats.map((seat) => [seat.seatId, seat.status]));

  it('tells subscribers on every replica of holds, replaced holds and releases', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const replicaB = replicaAvailability(openKeyspace().pubSub);
    const events = await replicaB.events(showtime.id);
    try {
      const viewer = user();
      const first = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 2));
      const held = await nextEvent(events);
      expect(held).toMatchObject({ showtimeId: showtime.id, availableSeatCount: 98 });
      expect(statuses(held)).toEqual({ [seatIds[0]!]: 'HELD', [seatIds[1]!]: 'HELD' });
      expect(Date.parse(held.occurredAt)).toBeLessThanOrEqual(Date.now());

      // A new hold replaces the first: seat 0 is given back, seats 1 and 2 are held.
      const second = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(1, 3));
      const replaced = await nextEvent(events);
      expect(statuses(replaced)).toEqual({
        [seatIds[0]!]: 'AVAILABLE',
        [seatIds[1]!]: 'HELD',
        [seatIds[2]!]: 'HELD',
      });
      expect(replaced.availableSeatCount).toBe(98);
      expect(first.id).not.toBe(second.id);

      await releaseHold({ holds, availability }, viewer, second.id);
      const released = await nextEvent(events);
      expect(statuses(released)).toEqual({
        [seatIds[1]!]: 'AVAILABLE',
        [seatIds[2]!]: 'AVAILABLE',
      });
      expect(released.availableSeatCount).toBe(100);
    } finally {
      await events.return?.();
    }
  });

  it('tells them when a booking is cancelled or expires', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const events = await availability.events(showtime.id);
    try {
      const viewer = user();
      const hold = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(0, 2));
      await nextEvent(events);
      const booking = await createBooking(bookingDeps(), viewer, hold.id, 'live-cancel');
      await cancelBooking({ db, holds, availability, cutoffMinutes: 60 }, viewer, booking.id);
      const cancelled = await nextEvent(events);
      expect(statuses(cancelled)).toEqual({
        [seatIds[0]!]: 'AVAILABLE',
        [seatIds[1]!]: 'AVAILABLE',
      });

      const again = await holdSeats(deps(), viewer, showtime.id, seatIds.slice(4, 5));
      await nextEvent(events);
      const unpaid = await createBooking(bookingDeps(), viewer, again.id, 'live-expire');
      await db.booking.update({ where: { id: unpaid.id }, data: { expiresAt: new Date() } });
      // A booking expires when its hold's keys do; this one is made to expire early, so
      // its seat key goes now too.
      await holds.release(again);
      const worker = startExpiryWorker({
        db,
        availability,
        intervalMs: 100,
        logger: pino({ level: 'silent' }),
      });
      try {
        const expired = await nextEvent(events);
        expect(statuses(expired)).toEqual({ [seatIds[4]!]: 'AVAILABLE' });
        expect(expired.availableSeatCount).toBe(100);
      } finally {
        await worker.stop();
      }
    } finally {
      await events.return?.();
    }
  });

  it('announces a hold that ran out exactly once, whichever replica sees it', async () => {
    const { showtime, seatIds } = await showtimeWithSeats();
    const events = await availability.events(showtime.id);
    const announcers = [availability, replicaAvailability()].map((replica) =>
      startHoldExpiryAnnouncer({
        holds,
        availability: replica,
        intervalMs: 50,
        logger: pino({ level: 'silent' }),
      }),
    );
    try {
      await holdSeats({ ...deps(), holdTtlMs: 300 }, user(), showtime.id, seatIds.slice(0, 3));
      expect((await nextEvent(events)).availableSeatCount).toBe(97);
      const expired = await nextEvent(events);
      expect(statuses(expired)).toEqual(
        Object.fromEntries(seatIds.slice(0, 3).map((id) => [id, 'AVAILABLE'])),
      );
      expect(expired.availableSeatCount).toBe(100);
      await expect(nextEvent(events, 500)).rejects.toThrow('no seat event arrived');
    } finally {
      await Promise.all(announcers.map((announcer) => announcer.stop()));
      await events.return?.();
    }
  });

  it('unsubscribes from Redis when the last subscriber of a showtime leaves', async () => {
    const { showtime } = await showtimeWithSeats();
    const channel = `${prefix}seats:${showtime.id}`;
    const listeners = async () => ((await redis.pubsub('NUMSUB', channel)) as [string, number])[1];
    const { pubSub } = openKeyspace();
    const replica = replicaAvailability(pubSub);
    const streams = await Promise.all(
      Array.from({ length: 50 }, () => replica.events(showtime.id)),
    );
    expect(pubSub.channels()).toBe(1);
    expect(await listeners()).toBe(1);
    await Promise.all(streams.map((stream) => stream.return?.()));
    expect(pubSub.channels()).toBe(0);
    await eventually(async () => ((await listeners()) === 0 ? true : undefined), 2_000);
  });
});
