import { describe, expect, it } from 'vitest';
import { emit } from '../src/index.ts';
import type { PgTransaction } from './pgTransactions.ts';
import { eventually } from '@cinegraph/testing';
import { busImplementations, useEventsHarness } from './useEventsHarness.ts';

const registered = (n: number | string) => ({
  userId: '0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f',
  email: `user${n}@example.test`,
  displayName: `User ${n}`,
});

async function register(tx: PgTransaction, n: number | string) {
  await tx.query(`INSERT INTO ledger (source, note) VALUES ('producer', $1)`, [`user ${n}`]);
  return emit(tx, 'user.registered', registered(n));
}

describe.each(busImplementations())('the outbox relay on $name', ({ url }) => {
  const events = useEventsHarness(url);

  it('publishes a committed event once and never one whose transaction rolled back', async () => {
    const tap = await events.tap();
    const broker = await events.broker('relay-commit');
    // Its poll is a minute: what arrives sooner was woken by the commit's NOTIFY.
    await events.relay(broker);

    await expect(
      events.transaction(async (tx) => {
        await register(tx, 'rolled-back');
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    const committed = await events.transaction((tx) => register(tx, 'committed'));

    await eventually(async () => (tap.messages.length ? true : undefined), 10_000, 'the event');
    // The relay marks the row in the transaction that held it while publishing, so the
    // event can reach a consumer a moment before the mark commits.
    const rows = await eventually(
      async () => {
        const { rows } = await events.pool.query(`SELECT id, published_at FROM outbox`);
        const marked = rows.some((row) => row.id === committed.id && row.published_at !== null);
        return marked ? rows : undefined;
      },
      10_000,
      'the row marked published',
    );
    expect(rows).toEqual([{ id: committed.id, published_at: expect.any(Date) }]);
    expect(await events.ledger('producer')).toEqual(['user committed']);
    expect(tap.messages).toEqual([{ id: committed.id, type: 'user.registered' }]);
  });

  it('lets two replicas drain one outbox without publishing a row twice', async () => {
    const tap = await events.tap();
    const before = tap.messages.length;
    const [first, second] = [await events.broker('replica-a'), await events.broker('replica-b')];
    const emitted = await Promise.all(
      Array.from({ length: 300 }, (_, n) => events.transaction((tx) => register(tx, `r${n}`))),
    );
    await events.relay(first, { batchSize: 10 });
    await events.relay(second, { batchSize: 10 });

    await eventually(
      async () => (tap.messages.length - before >= 300 ? true : undefined),
      20_000,
      '300 events',
    );
    // Anything published twice would have arrived by the time the outbox is drained.
    await eventually(async () => {
      const { rows } = await events.pool.query(
        `SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`,
      );
      return rows[0].pending === 0 ? true : undefined;
    });
    const ids = tap.messages.slice(before).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(emitted.map((e) => e.id)));
  });

  it('reconnects after losing the broker connection and publishes what was committed meanwhile', async () => {
    const tap = await events.tap();
    const before = tap.messages.length;
    const broker = await events.broker('relay-drop');
    const relay = await events.relay(broker, { pollIntervalMs: 200 });

    const disconnected = new Promise<void>((resolve) => broker.onDisconnect(resolve));
    await events.dropConnection('relay-drop');
    await disconnected;
    const emitted = [];
    for (let n = 0; n < 20; n++)
      emitted.push(await events.transaction((tx) => register(tx, `d${n}`)));

    await eventually(
      async () => (tap.messages.length - before >= 20 ? true : undefined),
      20_000,
      'the events emitted while disconnected',
    );
    expect(broker.isConnected).toBe(true);
    expect(new Set(tap.messages.slice(before).map((m) => m.id))).toEqual(
      new Set(emitted.map((e) => e.id)),
    );
    expect(await relay.backlog()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
  });

  it('declares subscribers’ queues before publishing, so an event waits for a consumer not started yet', async () => {
    const broker = await events.broker('relay-early');
    await events.relay(broker, { subscribers: { late: ['user.registered'] } });
    const event = await events.transaction((tx) => register(tx, 'early'));
    await eventually(async () => {
      const { rows } = await events.pool.query(`SELECT published_at FROM outbox WHERE id = $1`, [
        event.id,
      ]);
      return rows[0]?.published_at ? true : undefined;
    });

    await events.consumer(broker, 'late', {
      handlers: {
        'user.registered': async (tx, received) => {
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('late', ${received.id})`;
        },
      },
    });
    expect(
      await eventually(async () => {
        const notes = await events.ledger('late');
        return notes.length ? notes : undefined;
      }),
    ).toEqual([event.id]);
  });
});
