// Embedded mode keeps its data: users, bookings and notifications survive `npm start` being
// stopped (SIGTERM, as Ctrl-C) and started again on the same data folder. Runs in the
// e2e-embedded project only (the e2e project leaves it out).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, subgraphs } from '@cinegraph/stack';
import { eventually, freePort, uniqueId } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import { bookableShowtimeId, seatIdsOf } from './support/showtimes.ts';

const stack = useStack();

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      accessToken
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const MINE = /* GraphQL */ `
  query {
    me {
      email
      bookings(first: 10) {
        edges {
          node {
            id
            status
          }
        }
      }
      notifications(first: 20) {
        edges {
          node {
            template
          }
        }
      }
    }
  }
`;

interface Mine {
  me: {
    email: string;
    bookings: { edges: { node: { id: string; status: string } }[] };
    notifications: { edges: { node: { template: string } }[] };
  };
}

const templates = (mine: Mine) => mine.me.notifications.edges.map((e) => e.node.template).sort();

describe('embedded mode across a restart', () => {
  it('keeps users, bookings, notifications and sold seats', async () => {
    expect(stack.mode).toBe('embedded');
    const credentials = {
      email: `${uniqueId()}@example.test`,
      password: 'a long enough password',
    };
    const registered = await stack.graphql<{ register: { accessToken: string } }>(REGISTER, {
      variables: { input: { ...credentials, displayName: 'Restart' } },
    });
    expect(registered.errors).toBeUndefined();
    const token = registered.data!.register.accessToken;

    const showtimeId = await bookableShowtimeId(stack);
    const seatIds = await seatIdsOf(stack, showtimeId);
    const held = await stack.graphql<{ holdSeats: { id: string } }>(
      'mutation ($s: ID!, $seats: [ID!]!) { holdSeats(showtimeId: $s, seatIds: $seats) { id } }',
      { token, variables: { s: showtimeId, seats: seatIds.slice(0, 2) } },
    );
    expect(held.errors).toBeUndefined();
    const booked = await stack.graphql<{ createBooking: { id: string } }>(
      'mutation ($h: ID!) { createBooking(holdId: $h, idempotencyKey: "restart") { id } }',
      { token, variables: { h: held.data!.holdSeats.id } },
    );
    expect(booked.errors).toBeUndefined();
    const bookingId = booked.data!.createBooking.id;
    const paid = await stack.graphql<{ payBooking: { status: string } }>(
      'mutation ($b: ID!) { payBooking(bookingId: $b, paymentMethodToken: "tok_visa", idempotencyKey: "restart") { status } }',
      { token, variables: { b: bookingId } },
    );
    expect(paid.data?.payBooking.status).toBe('SUCCEEDED');

    // The saga runs over the in-process bus: confirmation, then the welcome and the ticket.
    const before = await eventually(
      async () => {
        const mine = await stack.graphql<Mine>(MINE, { token });
        const data = mine.data;
        return data?.me.bookings.edges[0]?.node.status === 'CONFIRMED' &&
          templates(data).includes('ticket') &&
          templates(data).includes('welcome')
          ? data
          : undefined;
      },
      30_000,
      'the booking confirmed, with the welcome and the ticket',
    );

    await stack.restart();

    // The access token still verifies (the signing key is on disk); the password still works.
    const after = await stack.graphql<Mine>(MINE, { token });
    expect(after.errors).toBeUndefined();
    expect(after.data!.me.email).toBe(credentials.email);
    expect(after.data!.me.bookings.edges).toEqual([
      { node: { id: bookingId, status: 'CONFIRMED' } },
    ]);
    expect(templates(after.data!)).toEqual(templates(before));
    const login = await stack.graphql<{ login: { accessToken: string } }>(LOGIN, {
      variables: { input: credentials },
    });
    expect(login.errors).toBeUndefined();

    const seats = await stack.graphql<{
      showtime: { seatMap: { seats: { id: string; status: string }[] }[] };
    }>('query ($id: ID!) { showtime(id: $id) { seatMap { seats { id status } } } }', {
      variables: { id: showtimeId },
    });
    const statuses = seats.data!.showtime.seatMap.flatMap((row) => row.seats);
    expect(statuses.filter((s) => seatIds.slice(0, 2).includes(s.id)).map((s) => s.status)).toEqual(
      ['SOLD', 'SOLD'],
    );

    // And the bus works after the restart: a new account is welcomed.
    const next = await stack.graphql<{ register: { accessToken: string } }>(REGISTER, {
      variables: {
        input: {
          email: `${uniqueId()}@example.test`,
          password: 'another password',
          displayName: 'Next',
        },
      },
    });
    const nextToken = next.data!.register.accessToken;
    await eventually(
      async () => {
        const mine = await stack.graphql<Mine>(MINE, { token: nextToken });
        return mine.data && templates(mine.data).includes('welcome') ? true : undefined;
      },
      30_000,
      'the welcome after the restart',
    );
  }, 90_000); // a whole stack's stop and start inside the test: longer than the default

  it('refuses a second npm start on the same data folder while the first runs', async () => {
    const dataDir = path.dirname(stack.databaseUrls['users']!.replace(/^pglite:/, ''));
    // Ports of its own: the folder, not a port, is what the two share.
    const ports: Record<string, string> = {};
    for (const name of ['gateway', ...subgraphs.map((subgraph) => subgraph.name)])
      ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
    const failed = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts'],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...ports,
          WEB_ENABLED: 'false',
          CINEGRAPH_MODE: 'embedded',
          CINEGRAPH_DATA_DIR: dataDir,
        },
      },
    ).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    // Not a terminal: the refusal is one JSON entry, its cause a sentence and no stack.
    const refusal = JSON.parse(failed!.stdout.trim().split('\n').at(-1)!) as {
      msg: string;
      causes: string[];
      details?: string;
    };
    expect(refusal.msg).toBe('CineGraph could not start');
    expect(refusal.causes).toEqual([expect.stringContaining('is in use by another CineGraph')]);
    expect(refusal.details).toBeUndefined();
    // The first is unharmed.
    expect((await stack.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
