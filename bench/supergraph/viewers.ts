import { graphqlRequest } from '@cinegraph/testing';
import { createAccessTokenIssuer } from '@cinegraph/users/access-tokens';
import { loadSigningKey } from '@cinegraph/users/signing-key';
import type { BenchOperation } from './operations.ts';
import type { RandomChoices } from './randomChoices.ts';
import type { SeededData } from './seededData.ts';

/** A signed-in viewer and what the load knows of their account, kept as answers come. */
export interface Viewer {
  id: string;
  email: string;
  password: string;
  /** An access token minted with the stack's key, valid for the whole run. */
  token: string;
  /** Their reviews: movie id → review id. */
  reviews: Map<string, string>;
  /** Movie ids on their watchlist. */
  watchlist: Set<string>;
  hold: { id: string; showtimeId: string } | null;
  /** PENDING_PAYMENT booking ids, oldest first. */
  unpaid: string[];
  /** Every booking id they made. */
  bookings: string[];
  /** Unread notification ids, as their last notifications page showed them. */
  unreadNotifications: string[];
  refreshToken: string | null;
}

export const VIEWER_PASSWORD = 'bench viewer password';
const TOKEN_SECONDS = 3 * 3_600;

type Call = <Data>(
  operation: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<Data>;

function callThrough(gatewayUrl: string, operations: Record<string, BenchOperation>): Call {
  return async <Data>(name: string, variables: Record<string, unknown>, token?: string) => {
    for (let attempt = 0; ; attempt++) {
      const response = await graphqlRequest<Data>(gatewayUrl, operations[name]!.body, {
        variables,
        ...(token ? { token } : {}),
      });
      const code = response.errors?.[0]?.extensions?.['code'];
      // Password hashing is bounded per process: a burst of sign-ups waits its turn.
      if (code === 'RATE_LIMITED' && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      if (response.errors || !response.data)
        throw new Error(`${name} during set-up: ${JSON.stringify(response.errors)}`);
      return response.data;
    }
  };
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await each(items[next++]!);
    }),
  );
}

/**
 * Registers `count` viewers through the gateway (the web app's Register operation) and
 * gives each a past: a few reviews and watchlist entries (popular titles most), and one
 * paid booking, whose saga leaves them notifications. Their access tokens are minted
 * with the stack's signing key for the whole run (a registration's own lasts 15 minutes).
 */
export async function prepareViewers(options: {
  gatewayUrl: string;
  signingKeyFile: string;
  operations: Record<string, BenchOperation>;
  data: SeededData;
  count: number;
  random: RandomChoices;
}): Promise<Viewer[]> {
  const { data, random } = options;
  const call = callThrough(options.gatewayUrl, options.operations);
  const issue = createAccessTokenIssuer(
    await loadSigningKey({ keyFile: options.signingKeyFile }),
    TOKEN_SECONDS,
  );
  const run = Date.now().toString(36);
  const viewers: Viewer[] = Array.from({ length: options.count }, (_, i) => ({
    id: '',
    email: `viewer-${i}-${run}@bench.test`,
    password: VIEWER_PASSWORD,
    token: '',
    reviews: new Map(),
    watchlist: new Set(),
    hold: null,
    unpaid: [],
    bookings: [],
    unreadNotifications: [],
    refreshToken: null,
  }));
  // Planned up front, so that the seeded generator's draws do not depend on timing.
  const plans = viewers.map(() => ({
    reviewed: [...new Set(Array.from({ length: 3 }, () => random.popular(data.movies).id))],
    listed: [...new Set(Array.from({ length: 4 }, () => random.popular(data.movies).id))],
    rating: random.int(1, 10),
    showtime: data.showtimes[random.int(0, data.showtimes.length - 1)]!,
    seat: random.int(0, 1_000),
  }));
  // Two at a time: each registration hashes a password (argon2id, 19 MiB).
  await inBatches([...viewers.keys()], 2, async (i) => {
    const viewer = viewers[i]!;
    const { register } = await call<{ register: { user: { id: string } } }>('Register', {
      input: { email: viewer.email, password: viewer.password, displayName: `Viewer ${i}` },
    });
    viewer.id = register.user.id;
    viewer.token = (await issue({ id: viewer.id, role: 'USER' })).token;
  });
  await inBatches([...viewers.keys()], 8, async (i) => {
    const viewer = viewers[i]!;
    const plan = plans[i]!;
    for (const movieId of plan.reviewed) {
      const { createReview } = await call<{ createReview: { id: string } }>(
        'CreateReview',
        {
          input: {
            movieId,
            rating: plan.rating,
            title: `Viewer ${i} on it`,
            body: 'Worth the ticket, for the second half alone. '.repeat(4),
          },
        },
        viewer.token,
      );
      viewer.reviews.set(movieId, createReview.id);
    }
    for (const movieId of plan.listed) {
      await call('AddToWatchlist', { movieId }, viewer.token);
      viewer.watchlist.add(movieId);
    }
    // One seat each, on seats far apart; when two plans meet on one, the next seat along.
    const { seatIds } = plan.showtime;
    let holdId: string | undefined;
    for (let attempt = 0; !holdId; attempt++) {
      const seatId = seatIds[(plan.seat + i * 7 + attempt) % seatIds.length]!;
      const held = await call<{ holdSeats: { id: string } }>(
        'HoldSeats',
        { showtimeId: plan.showtime.id, seatIds: [seatId] },
        viewer.token,
      ).catch((error: unknown) => {
        if (attempt >= 10) throw error;
        return null;
      });
      holdId = held?.holdSeats.id;
    }
    const { createBooking } = await call<{ createBooking: { id: string } }>(
      'CreateBooking',
      { holdId, idempotencyKey: `setup-${i}` },
      viewer.token,
    );
    await call(
      'PayBooking',
      {
        bookingId: createBooking.id,
        paymentMethodToken: 'tok_visa',
        idempotencyKey: `setup-pay-${i}`,
      },
      viewer.token,
    );
    viewer.bookings.push(createBooking.id);
  });
  return viewers;
}

/**
 * Leaves every viewer with no hold and no unpaid booking, so that each gateway's run
 * starts from the same state of the booking flow (and holds do not expire mid-run).
 */
export async function settleViewers(
  gatewayUrl: string,
  operations: Record<string, BenchOperation>,
  viewers: Viewer[],
): Promise<void> {
  await inBatches(viewers, 8, async (viewer) => {
    const send = (name: string, variables: Record<string, unknown>) =>
      graphqlRequest(gatewayUrl, operations[name]!.body, { variables, token: viewer.token });
    if (viewer.hold) await send('ReleaseHold', { holdId: viewer.hold.id });
    viewer.hold = null;
    for (const id of viewer.unpaid) await send('CancelBooking', { id });
    viewer.unpaid = [];
  });
}
