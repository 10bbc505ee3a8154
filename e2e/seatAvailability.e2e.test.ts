// Live seat maps: subscriptions through the gateway over graphql-ws and SSE, fed by any
// bookings replica through Redis, with fields from movies joined to every event.
import { createClient as createSseClient } from 'graphql-sse';
import type { Client, ExecutionResult } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { counterValue, eventually, graphqlRequest, testEnvironment } from '@cinegraph/testing';
import { Redis } from 'ioredis';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register } from './support/accounts.ts';
import { bookableShowtimeId } from './support/showtimes.ts';

const stack = useStack();

const SEATS = /* GraphQL */ `
  subscription Seats($showtimeId: ID!) {
    seatAvailabilityChanged(showtimeId: $showtimeId) {
      availableSeatCount
      changedSeats {
        seatId
        status
      }
      occurredAt
      showtime {
        id
        movie {
          title
        }
      }
    }
  }
`;
/** The same seat map, with whether the movie is on the viewer's watchlist (PRIVATE). */
const SEATS_WATCHED = /* GraphQL */ `
  subscription WatchedSeats($showtimeId: ID!) {
    seatAvailabilityChanged(showtimeId: $showtimeId) {
      availableSeatCount
      changedSeats {
        seatId
        status
      }
      occurredAt
      showtime {
        id
        movie {
          title
          inViewerWatchlist
        }
      }
    }
  }
`;
const HOLD = /* GraphQL */ `
  mutation Hold($showtimeId: ID!, $seatIds: [ID!]!) {
    holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {
      id
    }
  }
`;
const RELEASE = /* GraphQL */ `
  mutation Release($holdId: ID!) {
    releaseHold(holdId: $holdId)
  }
`;

interface SeatEvent {
  seatAvailabilityChanged: {
    availableSeatCount: number;
    changedSeats: { seatId: string; status: string }[];
    occurredAt: string;
    showtime: { id: string; movie: { title: string } };
  };
}
interface WatchedSeatEvent {
  seatAvailabilityChanged: SeatEvent['seatAvailabilityChanged'] & {
    showtime: { movie: { inViewerWatchlist: boolean } };
  };
}

let showtimeId: string;
let seatIds: string[];
let title: string;
let movieId: string;
let replicaUrl: string;
const clients: Client[] = [];

const webSocketUrl = () => stack.gatewayUrl.replace(/^http/, 'ws');

/** A graphql-ws client of the gateway that never retries (a failure must show). */
function connect(connectionParams: Record<string, unknown> = {}): Client {
  const client = createClient({
    url: webSocketUrl(),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

/** The value of a gauge or counter on a process's /metrics. */
const metric = (process: string, name: string, labels: Record<string, string> = {}) =>
  counterValue(stack.urls[process]!, name, labels);

/** Waits until a metric reads `value` (so a test knows the upstream is listening). */
const metricReaches = (
  process: string,
  name: string,
  value: number,
  labels: Record<string, string> = {},
) =>
  eventually(
    async () => ((await metric(process, name, labels)) === value ? true : undefined),
    10_000,
    `${process} ${name} to reach ${value}`,
  );

/** Collects a stream's results as they arrive. */
function collect<T>(iterator: AsyncIterableIterator<T>) {
  const results: T[] = [];
  let ended = false;
  const done = (async () => {
    for await (const result of iterator) results.push(result);
    ended = true;
  })();
  return {
    results,
    done,
    isEnded: () => ended,
    /** The stream's `count`th result (1-based), once it has arrived. */
    nth: (count: number) =>
      eventually(
        async () => (results.length >= count ? results[count - 1] : undefined),
        10_000,
        `event ${count}`,
      ),
  };
}

async function hold(url: string, account: Account, seats: string[]) {
  const response = await graphqlRequest<{ holdSeats: { id: string } }>(url, HOLD, {
    token: account.token,
    variables: { showtimeId, seatIds: seats },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.holdSeats.id;
}

beforeAll(async () => {
  // Embedded mode has one bookings service: the hold goes to it directly.
  replicaUrl =
    stack.mode === 'embedded' ? stack.urls['bookings']! : await stack.startReplica('bookings');
  showtimeId = await bookableShowtimeId(stack);
  const map = await stack.graphql<{
    showtime: { movie: { id: string; title: string }; seatMap: { seats: { id: string }[] }[] };
  }>('query($id: ID!) { showtime(id: $id) { movie { id title } seatMap { seats { id } } } }', {
    variables: { id: showtimeId },
  });
  title = map.data!.showtime.movie.title;
  movieId = map.data!.showtime.movie.id;
  seatIds = map.data!.showtime.seatMap.flatMap((row) => row.seats.map((seat) => seat.id));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

describe('a live seat map', () => {
  it('reaches a WebSocket and an SSE client alike, from a hold on the other bookings replica, with the title from movies', async () => {
    const ws = collect(connect().iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } }));
    const sse = createSseClient({ url: stack.gatewayUrl, retryAttempts: 0 });
    const sseEvents = collect(sse.iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } }));
    // Both share one upstream stream, and bookings listens on Redis before anyone holds.
    await metricReaches('gateway', 'gateway_subscriptions_active', 2);
    await metricReaches('bookings', 'seat_availability_channels', 1);
    expect(
      await metric('gateway', 'gateway_subscription_upstreams', { subgraph: 'bookings' }),
    ).toBe(1);

    const buyer = await register(stack, 'Grace');
    const holdId = await hold(`${replicaUrl}/graphql`, buyer, seatIds.slice(0, 2));
    for (const stream of [ws, sseEvents]) {
      const event = (await stream.nth(1)) as ExecutionResult<SeatEvent>;
      expect(event.errors).toBeUndefined();
      expect(event.data!.seatAvailabilityChanged).toMatchObject({
        availableSeatCount: seatIds.length - 2,
        showtime: { id: showtimeId, movie: { title } },
      });
      expect(event.data!.seatAvailabilityChanged.changedSeats).toEqual(
        expect.arrayContaining(seatIds.slice(0, 2).map((seatId) => ({ seatId, status: 'HELD' }))),
      );
    }

    // The release, made through the gateway this time, reaches them too.
    const released = await stack.graphql(RELEASE, { token: buyer.token, variables: { holdId } });
    expect(released.errors).toBeUndefined();
    for (const stream of [ws, sseEvents]) {
      const event = (await stream.nth(2)) as ExecutionResult<SeatEvent>;
      expect(event.data!.seatAvailabilityChanged.availableSeatCount).toBe(seatIds.length);
    }
    sse.dispose();
    await clients.pop()!.dispose();
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
    await metricReaches('gateway', 'gateway_subscription_upstreams', 0);
    expect(
      await metric('gateway', 'gateway_subscription_events_delivered_total'),
    ).toBeGreaterThanOrEqual(4);
  });

  it('serves signed-in viewers from one upstream stream, and joins what depends on the viewer per viewer', async () => {
    const ada = await register(stack, 'Ada');
    const bob = await register(stack, 'Bob');
    const cy = await register(stack, 'Cy');
    // Ada has the movie on her watchlist; Bob and Cy do not.
    const added = await stack.graphql(
      'mutation($id: ID!) { addToWatchlist(movieId: $id) { addedAt } }',
      { token: ada.token, variables: { id: movieId } },
    );
    expect(added.errors).toBeUndefined();
    const signedIn = (account: Account) => connect({ authorization: `Bearer ${account.token}` });
    const own = [signedIn(ada), signedIn(bob), signedIn(cy)];
    const streams = {
      ada: collect(
        own[0]!.iterate<WatchedSeatEvent>({ query: SEATS_WATCHED, variables: { showtimeId } }),
      ),
      bob: collect(
        own[1]!.iterate<WatchedSeatEvent>({ query: SEATS_WATCHED, variables: { showtimeId } }),
      ),
      cy: collect(own[2]!.iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } })),
    };
    const sse = createSseClient({
      url: stack.gatewayUrl,
      retryAttempts: 0,
      headers: { authorization: `Bearer ${bob.token}` },
    });
    const bobOnSse = collect(
      sse.iterate<WatchedSeatEvent>({ query: SEATS_WATCHED, variables: { showtimeId } }),
    );
    await metricReaches('gateway', 'gateway_subscriptions_active', 4);
    await metricReaches('bookings', 'seat_availability_channels', 1);
    // Three viewers, two operations: one stream from bookings, on one socket with no token.
    expect(
      await metric('gateway', 'gateway_subscription_upstreams', { subgraph: 'bookings' }),
    ).toBe(1);
    expect(await metric('bookings', 'graphql_ws_connections')).toBe(1);

    const holdId = await hold(`${replicaUrl}/graphql`, cy, seatIds.slice(4, 5));
    const released = await stack.graphql(RELEASE, { token: cy.token, variables: { holdId } });
    expect(released.errors).toBeUndefined();
    const watching = { ada: true, bob: false, bobOnSse: false };
    for (const [name, stream] of Object.entries({ ...streams, bobOnSse })) {
      const [held, freed] = [
        (await stream.nth(1)) as ExecutionResult<WatchedSeatEvent>,
        (await stream.nth(2)) as ExecutionResult<WatchedSeatEvent>,
      ];
      expect(held.errors).toBeUndefined();
      expect(held.data!.seatAvailabilityChanged.availableSeatCount).toBe(seatIds.length - 1);
      expect(freed.data!.seatAvailabilityChanged.availableSeatCount).toBe(seatIds.length);
      expect(held.data!.seatAvailabilityChanged.showtime.movie.title).toBe(title);
      if (name in watching)
        for (const event of [held, freed])
          expect(event.data!.seatAvailabilityChanged.showtime.movie.inViewerWatchlist).toBe(
            watching[name as keyof typeof watching],
          );
    }
    sse.dispose();
    await Promise.all(own.map((client) => client.dispose()));
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
    await metricReaches('gateway', 'gateway_subscription_upstreams', 0);
  });

  it('leaves no upstream stream, socket or Redis listener behind after 1,000 subscribe/unsubscribe cycles', async () => {
    const sockets = Array.from({ length: 10 }, () => connect());
    for (let round = 0; round < 100; round++) {
      const before = await metric('gateway', 'gateway_subscriptions_started_total');
      const iterators = sockets.map((client) =>
        client.iterate({ query: SEATS, variables: { showtimeId } }),
      );
      for (const iterator of iterators) void iterator.next().catch(() => {});
      // Every other round leaves at once, racing the subscribe; the others once the
      // gateway has joined all ten to the upstream stream.
      if (round % 2)
        await eventually(
          async () =>
            (await metric('gateway', 'gateway_subscriptions_started_total')) >=
            before + sockets.length
              ? true
              : undefined,
          10_000,
          'the round’s subscriptions to start',
        );
      await Promise.all(iterators.map((iterator) => iterator.return?.()));
    }
    // HTTP is served meanwhile.
    const query = await stack.graphql<{ showtime: { id: string } }>(
      'query($id: ID!) { showtime(id: $id) { id } }',
      { variables: { id: showtimeId } },
    );
    expect(query.data!.showtime.id).toBe(showtimeId);
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
    await metricReaches('gateway', 'gateway_subscription_upstreams', 0);
    await metricReaches('bookings', 'graphql_ws_connections', 0);
    await metricReaches('bookings', 'seat_availability_channels', 0);
    await Promise.all(sockets.map((client) => client.dispose()));
    await metricReaches('gateway', 'gateway_subscription_connections', 0, { transport: 'ws' });
  });

  it('follows the saga: SOLD once the payment is taken, AVAILABLE again when the booking is cancelled', async () => {
    const stream = collect(
      connect().iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } }),
    );
    await metricReaches('bookings', 'seat_availability_channels', 1);
    const buyer = await register(stack, 'Katherine');
    const seat = seatIds[10]!;
    const statusOf = (event: ExecutionResult<SeatEvent>) =>
      event.data?.seatAvailabilityChanged.changedSeats.find((change) => change.seatId === seat)
        ?.status;
    const reaches = (status: string) =>
      eventually(
        async () =>
          stream.results.some((event) => statusOf(event as ExecutionResult<SeatEvent>) === status)
            ? true
            : undefined,
        15_000,
        `the seat to be announced ${status}`,
      );

    const holdId = await hold(stack.gatewayUrl, buyer, [seat]);
    await reaches('HELD');
    const booked = await stack.graphql<{ createBooking: { id: string } }>(
      'mutation($holdId: ID!) { createBooking(holdId: $holdId, idempotencyKey: "live") { id } }',
      { token: buyer.token, variables: { holdId } },
    );
    const bookingId = booked.data!.createBooking.id;
    const paid = await stack.graphql<{ payBooking: { status: string } }>(
      'mutation($id: ID!) { payBooking(bookingId: $id, paymentMethodToken: "tok_visa", idempotencyKey: "live") { status } }',
      { token: buyer.token, variables: { id: bookingId } },
    );
    expect(paid.data!.payBooking.status).toBe('SUCCEEDED');
    await reaches('SOLD');
    const cancelled = await stack.graphql(
      'mutation($id: ID!) { cancelBooking(id: $id) { status } }',
      { token: buyer.token, variables: { id: bookingId } },
    );
    expect(cancelled.errors).toBeUndefined();
    await reaches('AVAILABLE');
    await clients.pop()!.dispose();
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
  });

  it('answers queries sent over the socket through the HTTP pipeline', async () => {
    const result = await connect()
      .iterate<{ showtime: { movie: { title: string } } }>({
        query: 'query($id: ID!) { showtime(id: $id) { movie { title } } }',
        variables: { id: showtimeId },
      })
      .next();
    expect(result.value).toEqual({ data: { showtime: { movie: { title } } } });
  });
});

/** An access token of a new account that expires in two seconds. */
async function briefToken(): Promise<string> {
  const account = await register(stack, 'Brief');
  const key = await importPKCS8(await stack.signingKeyPem(), 'ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'USER' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(account.id)
    .setIssuer('cinegraph-users')
    .setAudience('cinegraph')
    .setIssuedAt(now)
    .setExpirationTime(now + 2)
    .sign(key);
}

describe('refusals', () => {
  /** The graphql-ws `error` message a subscription gets, as the client's error. */
  async function refusal(client: Client, payload: { query: string; variables?: object }) {
    const iterator = client.iterate(payload as { query: string });
    try {
      const first = await iterator.next();
      return { next: first.value as ExecutionResult };
    } catch (error) {
      return { error: error as { message: string; extensions?: { code?: string } }[] };
    }
  }
  const codes = (outcome: Awaited<ReturnType<typeof refusal>>) =>
    outcome.error
      ? outcome.error.map((error) => error.extensions?.code)
      : (outcome.next?.errors ?? []).map((error) => error.extensions?.['code']);

  it('refuses bad documents and variables with protocol errors, and an unknown showtime with NOT_FOUND', async () => {
    const client = connect();
    expect(codes(await refusal(client, { query: 'subscription {' }))).toEqual([
      'GRAPHQL_PARSE_FAILED',
    ]);
    expect(
      codes(await refusal(client, { query: 'subscription { seatAvailabilityChanged { nope } }' })),
    ).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes(await refusal(client, { query: SEATS, variables: {} }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await refusal(client, { query: SEATS, variables: { showtimeId: [1] } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Well-formed, but bookings knows no such showtime: the stream's one result, then complete.
    const unknown = await refusal(client, {
      query: SEATS,
      variables: { showtimeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.error).toBeUndefined();
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(codes(await refusal(client, { query: SEATS, variables: { showtimeId: 'x' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Nothing is left open by refusals.
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
    await metricReaches('gateway', 'gateway_subscription_upstreams', 0);
  });

  it('answers a refused event stream with the errors and the status of their code', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { seatAvailabilityChanged }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toContain(
      'GRAPHQL_VALIDATION_FAILED',
    );
    // graphql-sse's client reports it as a failed request.

    const sse = createSseClient({ url: stack.gatewayUrl, retryAttempts: 0 });
    await expect(
      sse.iterate({ query: 'subscription { seatAvailabilityChanged }' }).next(),
    ).rejects.toThrow('400');
    sse.dispose();
  });

  it('caps the subscriptions of one socket', async () => {
    const client = connect();
    const open = Array.from({ length: 25 }, () =>
      client.iterate({ query: SEATS, variables: { showtimeId } }),
    );
    for (const iterator of open) void iterator.next().catch(() => {});
    await metricReaches('gateway', 'gateway_subscriptions_active', 25);
    expect(codes(await refusal(client, { query: SEATS, variables: { showtimeId } }))).toEqual([
      'TOO_MANY_SUBSCRIPTIONS',
    ]);
    await Promise.all(open.map((iterator) => iterator.return?.()));
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
  });

  it('closes with 4403 for a bad token, and when the token expires, also on a stream shared with others', async () => {
    const closeCode = (client: Client) =>
      new Promise<number>((resolve) =>
        client.on('closed', (event) => resolve((event as { code: number }).code)),
      );
    const forged = connect({ authorization: 'Bearer not.a.token' });
    const forgedClosed = closeCode(forged);
    forged
      .iterate({ query: SEATS, variables: { showtimeId } })
      .next()
      .catch(() => {});
    expect(await forgedClosed).toBe(4403);

    // Another viewer, whose token lasts, on the same upstream stream.
    const other = await register(stack, 'Lasting');
    const lasting = connect({ authorization: `Bearer ${other.token}` });
    const lastingStream = collect(
      lasting.iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } }),
    );
    const brief = await briefToken();
    const client = connect({ authorization: `Bearer ${brief}` });
    const closed = closeCode(client);
    const stream = collect(client.iterate({ query: SEATS, variables: { showtimeId } }));
    await metricReaches('gateway', 'gateway_subscriptions_active', 2);
    expect(
      await metric('gateway', 'gateway_subscription_upstreams', { subgraph: 'bookings' }),
    ).toBe(1);
    expect(await closed).toBe(4403);
    await stream.done.catch(() => {});
    await metricReaches('gateway', 'gateway_subscriptions_active', 1);
    // The shared stream goes on for the viewer whose token lasts.
    await metricReaches('bookings', 'seat_availability_channels', 1);
    const holdId = await hold(stack.gatewayUrl, other, seatIds.slice(5, 6));
    const event = (await lastingStream.nth(1)) as ExecutionResult<SeatEvent>;
    expect(event.data!.seatAvailabilityChanged.availableSeatCount).toBe(seatIds.length - 1);
    await stack.graphql(RELEASE, { token: other.token, variables: { holdId } });
    await lastingStream.nth(2);
    await lasting.dispose();
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
  });

  it('applies the client’s safelist on the socket (named by header or in connection_init), and refuses an unknown API key at the upgrade', async () => {
    /** ws with the partner's API key on the upgrade request, as a server-side client sends it. */
    class PartnerSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { 'x-api-key': 'cinegraph-partner-dev-key' } });
      }
    }
    const partner = createClient({
      url: webSocketUrl(),
      webSocketImpl: PartnerSocket,
      retryAttempts: 0,
    });
    clients.push(partner);
    // The partner's manifest has no such subscription, and its mode is `enforce`.
    expect(codes(await refusal(partner, { query: SEATS, variables: { showtimeId } }))).toEqual([
      'PERSISTED_QUERY_NOT_IN_LIST',
    ]);

    // A browser cannot set headers on a socket: it claims its name in connection_init. The
    // web app's client is `enforce` too, and its manifest has no operation with this text.
    const web = connect({ 'apollographql-client-name': 'web' });
    expect(codes(await refusal(web, { query: SEATS, variables: { showtimeId } }))).toEqual([
      'PERSISTED_QUERY_NOT_IN_LIST',
    ]);

    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(webSocketUrl(), 'graphql-transport-ws', {
        headers: { 'x-api-key': 'not-a-key' },
      });
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
      socket.once('open', () => reject(new Error('the upgrade was accepted')));
      socket.once('error', () => {});
    });
    expect(status).toBe(401);
  });

  it('ends an event stream when its token expires', async () => {
    const sse = createSseClient({
      url: stack.gatewayUrl,
      retryAttempts: 0,
      headers: { authorization: `Bearer ${await briefToken()}` },
    });
    const opened = Date.now();
    const stream = collect(sse.iterate({ query: SEATS, variables: { showtimeId } }));
    await metricReaches('gateway', 'gateway_subscriptions_active', 1);
    // Open until the token's last second, then cut.
    await expect(stream.done).rejects.toThrow();
    expect(Date.now() - opened).toBeGreaterThan(500);
    sse.dispose();
    await metricReaches('gateway', 'gateway_subscriptions_active', 0);
    await metricReaches('gateway', 'gateway_subscription_connections', 0, { transport: 'sse' });
  });

  it('closes a socket that sends a message over the size limit (1009)', async () => {
    const client = connect();
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    client
      .iterate({ query: `subscription { ${'a'.repeat(70_000)} }` })
      .next()
      .catch(() => {});
    expect(await closed).toBe(1009);
  });
});

describe('a client that stops reading', () => {
  // It publishes seat changes on Redis itself, as bookings would.
  it.skipIf(stack.mode === 'embedded')(
    'is cut off once it falls too many events behind, and the gateway lets go of it',
    async () => {
      const url = await stack.startGateway('subscriptions:\n  maxEventBacklog: 5\n');
      const base = url.replace(/\/graphql$/, '');
      const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const acknowledged = new Promise((resolve) => socket.once('message', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      await acknowledged;
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: SEATS, variables: { showtimeId } },
        }),
      );
      await eventually(
        async () =>
          (await counterValue(base, 'gateway_subscription_upstreams')) === 1 ? true : undefined,
        10_000,
        'the upstream stream',
      );
      await metricReaches('bookings', 'seat_availability_channels', 1);
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      // The client stops reading. Big events (as bookings would publish them) fill the
      // socket's buffers; then the gateway's sends wait, and its backlog grows.
      (socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const redis = new Redis(testEnvironment.redisUrl);
      try {
        const event = JSON.stringify({
          showtimeId,
          changedSeats: Array.from({ length: 10_000 }, (_, i) => ({
            seatId: seatIds[i % seatIds.length],
            status: 'HELD',
          })),
          availableSeatCount: 0,
          occurredAt: new Date().toISOString(),
        });
        const channel = `${stack.redisKeyPrefix}seats:${showtimeId}`;
        await eventually(
          async () => {
            await redis.publish(channel, event);
            return (await counterValue(base, 'gateway_subscription_slow_readers_total')) === 1
              ? true
              : undefined;
          },
          30_000,
          'the slow client to be cut off',
        );
      } finally {
        redis.disconnect();
      }
      await eventually(
        async () =>
          (await counterValue(base, 'gateway_subscription_connections')) === 0 &&
          (await counterValue(base, 'gateway_subscription_upstreams')) === 0
            ? true
            : undefined,
        10_000,
        'the gateway to let go of the socket and its upstream',
      );
      (socket as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await closed).toBe(1006);
      await stack.stopGateway(url);
    },
  );
});

describe('shutting down', () => {
  it('completes every stream before the gateway goes', async () => {
    const url = await stack.startGateway('{}');
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    clients.push(client);
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const stream = collect(client.iterate({ query: SEATS, variables: { showtimeId } }));
    const base = url.replace(/\/graphql$/, '');
    await eventually(
      async () =>
        (await counterValue(base, 'gateway_subscriptions_active')) === 1 ? true : undefined,
      10_000,
      'the subscription',
    );
    await stack.stopGateway(url);
    // The stream ended with `complete` (an error would reject `done`), then the socket
    // closed: by the client, whose last subscription ended (1000), or the gateway (1001).
    await stream.done;
    expect(stream.results).toEqual([]);
    expect([1000, 1001]).toContain(await closed);
  });
});

describe('an upstream that fails', () => {
  // It stops the bookings process: services mode only.
  it.skipIf(stack.mode === 'embedded')(
    'gives its clients an error and completes them',
    async () => {
      const client = connect();
      const stream = collect(
        client.iterate<SeatEvent>({ query: SEATS, variables: { showtimeId } }),
      );
      await metricReaches('gateway', 'gateway_subscription_upstreams', 1);
      await stack.stopProcess('bookings');
      const failure = (await stream.nth(1)) as ExecutionResult;
      expect(failure.errors![0]!.extensions?.['code']).toBe('SUBGRAPH_UNAVAILABLE');
      await stream.done;
      expect(stream.isEnded()).toBe(true);
      await metricReaches('gateway', 'gateway_subscriptions_active', 0);
      await metricReaches('gateway', 'gateway_subscription_upstreams', 0);
    },
  );
});
