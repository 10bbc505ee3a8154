// Choosing seats and booking them, as the apps do it through the gateway.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register, signInAdmin } from './support/accounts.ts';
import { bookableShowtimeId } from './support/showtimes.ts';

const stack = useStack();

const SEAT_MAP = /* GraphQL */ `
  query SeatMap($id: ID!) {
    showtime(id: $id) {
      startsAt
      movie {
        title
      }
      availableSeatCount
      seatMap {
        label
        seats {
          id
          label
          type
          status
          priceCents
        }
      }
    }
  }
`;
const HOLD = /* GraphQL */ `
  mutation Hold($showtimeId: ID!, $seatIds: [ID!]!) {
    holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {
      id
      totalCents
      currency
      expiresAt
      seats {
        label
      }
      showtime {
        movie {
          title
        }
      }
    }
  }
`;
const BOOK = /* GraphQL */ `
  mutation Book($holdId: ID!, $key: String!) {
    createBooking(holdId: $holdId, idempotencyKey: $key) {
      id
      status
      totalCents
      seats {
        label
      }
      user {
        displayName
      }
      showtime {
        movie {
          title
        }
      }
    }
  }
`;
const BOOKING = /* GraphQL */ `
  query Booking($id: ID!) {
    booking(id: $id) {
      id
      status
    }
  }
`;

interface Seat {
  id: string;
  label: string;
  type: string;
  status: string;
  priceCents: number;
}
interface SeatMap {
  showtime: {
    availableSeatCount: number;
    seatMap: { label: string; seats: Seat[] }[];
  };
}

let showtimeId: string;
let seats: Seat[];

async function seatMap(token?: string) {
  const response = await stack.graphql<SeatMap>(SEAT_MAP, {
    variables: { id: showtimeId },
    ...(token ? { token } : {}),
  });
  expect(response.errors).toBeUndefined();
  return response.data!.showtime;
}
const statusOf = async (seatId: string) =>
  (await seatMap()).seatMap.flatMap((row) => row.seats).find((seat) => seat.id === seatId)!.status;

async function hold(account: Account, seatIds: string[]) {
  return stack.graphql<{ holdSeats: { id: string; totalCents: number } }>(HOLD, {
    token: account.token,
    variables: { showtimeId, seatIds },
  });
}

beforeAll(async () => {
  showtimeId = await bookableShowtimeId(stack);
  seats = (await seatMap()).seatMap.flatMap((row) => row.seats);
  expect(seats.length).toBeGreaterThan(20);
});

describe('the seat map', () => {
  it('joins the showtime from movies with every seat’s status and price from bookings', async () => {
    const map = await seatMap();
    expect(map.availableSeatCount).toBe(seats.length);
    expect(seats.every((seat) => seat.status === 'AVAILABLE' && seat.priceCents > 0)).toBe(true);
  });
});

describe('holding and booking', () => {
  it('holds, books and shows the seats HELD; the same key books once', async () => {
    const ada = await register(stack, 'Ada');
    const picked = seats.slice(0, 2).map((seat) => seat.id);
    const held = await hold(ada, picked);
    expect(held.errors).toBeUndefined();
    expect(held.data!.holdSeats.totalCents).toBe(seats[0]!.priceCents + seats[1]!.priceCents);
    expect(await statusOf(picked[0]!)).toBe('HELD');

    const book = () =>
      stack.graphql<{
        createBooking: { id: string; status: string; user: { displayName: string } };
      }>(BOOK, { token: ada.token, variables: { holdId: held.data!.holdSeats.id, key: 'k1' } });
    const [first, again] = [await book(), await book()];
    expect(first.errors).toBeUndefined();
    expect(first.data!.createBooking).toMatchObject({
      status: 'PENDING_PAYMENT',
      user: { displayName: 'Ada' },
    });
    expect(again.data!.createBooking.id).toBe(first.data!.createBooking.id);

    const mine = await stack.graphql<{
      me: { bookings: { totalCount: number; edges: { node: { id: string } }[] } };
    }>('{ me { bookings(first: 5) { totalCount edges { node { id } } } } }', { token: ada.token });
    expect(mine.data!.me.bookings.totalCount).toBe(1);
  });

  it('lets one of many concurrent users hold a contested seat', async () => {
    const contested = seats[5]!.id;
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => register(stack, `U${i}`)));
    const outcomes = await Promise.all(
      users.map((u) => hold(u, [contested, seats[6 + users.indexOf(u)]!.id])),
    );
    expect(outcomes.filter((o) => !o.errors)).toHaveLength(1);
    for (const lost of outcomes.filter((o) => o.errors))
      expect(errorCodes(lost)).toEqual(['CONFLICT']);
  });

  it('keeps bookings private: someone else’s is FORBIDDEN, an admin may read it', async () => {
    const owner = await register(stack, 'Owner');
    const held = await hold(owner, [seats[20]!.id]);
    const booked = await stack.graphql<{ createBooking: { id: string } }>(BOOK, {
      token: owner.token,
      variables: { holdId: held.data!.holdSeats.id, key: 'private' },
    });
    const id = booked.data!.createBooking.id;
    const stranger = await register(stack, 'Stranger');
    expect(
      errorCodes(await stack.graphql(BOOKING, { token: stranger.token, variables: { id } })),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.graphql(BOOKING, { variables: { id } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const admin = await signInAdmin(stack);
    const read = await stack.graphql<{ booking: { id: string } }>(BOOKING, {
      token: admin.token,
      variables: { id },
    });
    expect(read.data!.booking.id).toBe(id);
    const cancelByStranger = await stack.graphql(
      'mutation ($id: ID!) { cancelBooking(id: $id) { status } }',
      { token: stranger.token, variables: { id } },
    );
    expect(errorCodes(cancelByStranger)).toEqual(['FORBIDDEN']);
  });

  it('cancels: the seats are AVAILABLE again', async () => {
    const owner = await register(stack, 'Canceller');
    const seatId = seats[21]!.id;
    const held = await hold(owner, [seatId]);
    const booked = await stack.graphql<{ createBooking: { id: string } }>(BOOK, {
      token: owner.token,
      variables: { holdId: held.data!.holdSeats.id, key: 'cancel' },
    });
    expect(await statusOf(seatId)).toBe('HELD');
    const cancelled = await stack.graphql<{ cancelBooking: { status: string } }>(
      'mutation ($id: ID!) { cancelBooking(id: $id) { status } }',
      { token: owner.token, variables: { id: booked.data!.createBooking.id } },
    );
    expect(cancelled.data!.cancelBooking.status).toBe('CANCELLED');
    expect(await statusOf(seatId)).toBe('AVAILABLE');
  });

  it('answers bad requests with the right code and holds nothing', async () => {
    const user = await register(stack, 'Careless');
    const eleven = seats.slice(30, 41).map((seat) => seat.id);
    expect(errorCodes(await hold(user, eleven))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hold(user, [crypto.randomUUID()]))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hold(user, ['not-a-seat']))).toEqual(['BAD_USER_INPUT']);
    const anonymous = await stack.graphql(HOLD, {
      variables: { showtimeId, seatIds: [seats[30]!.id] },
    });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const unknownHold = await stack.graphql(BOOK, {
      token: user.token,
      variables: { holdId: crypto.randomUUID(), key: 'x' },
    });
    expect(errorCodes(unknownHold)).toEqual(['NOT_FOUND']);
    expect(await statusOf(seats[30]!.id)).toBe('AVAILABLE');
  });
});

// Last in this file: it restarts the bookings process.
describe('a showtime that started before bookings came up', () => {
  // It restarts a subgraph: services mode only.
  it.skipIf(stack.mode === 'embedded')(
    "still has its seats counted (today's page lists it)",
    async () => {
      const movies = new pg.Client({ connectionString: stack.databaseUrls['movies'] });
      await movies.connect();
      try {
        // Scheduled behind the catalog's back: only a backfill can teach bookings of it.
        const inserted = await movies.query<{ id: string }>(
          `INSERT INTO showtimes (id, movie_id, screen_id, starts_at, ends_at, price_cents, currency)
           SELECT gen_random_uuid(), movie_id, screen_id, now() - interval '30 minutes',
                  now() + interval '90 minutes', price_cents, currency
           FROM showtimes LIMIT 1
           RETURNING id`,
        );
        const id = inserted.rows[0]!.id;
        await stack.stopProcess('bookings');
        await stack.startProcess('bookings');
        const seatCount = () =>
          stack.graphql<{ showtime: { availableSeatCount: number } | null }>(
            'query ($id: ID!) { showtime(id: $id) { availableSeatCount } }',
            { variables: { id } },
          );
        // Its backfill runs after bookings reports ready (it knew the seats already).
        const answer = await eventually(
          async () => {
            const counted = await seatCount();
            return counted.errors ? undefined : counted;
          },
          15_000,
          'bookings to learn the showtime',
        );
        expect(answer.data!.showtime!.availableSeatCount).toBeGreaterThan(0);
      } finally {
        await movies.end();
      }
    },
  );
});
