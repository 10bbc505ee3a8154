import { describe, expect, it } from 'vitest';
import type { EventMetrics } from '../src/index.ts';
import {
  createEnvelope,
  listDeadLetters,
  producerIdentity,
  replayDeadLetters,
} from '../src/index.ts';
import { eventually } from '@cinegraph/testing';
import { busImplementations, useEventsHarness } from './useEventsHarness.ts';

const registration = (email: string) =>
  createEnvelope('user.registered', {
    userId: '0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f',
    email,
    displayName: 'Someone',
  });

async function counted(metrics: EventMetrics, name: 'consumed' | 'retried' | 'deadLettered') {
  const { values } = await metrics[name].get();
  return Object.fromEntries(
    values.map((v) => {
      const labels = v.labels as Record<string, string | number | undefined>;
      return [String(labels['outcome'] ?? labels['reason'] ?? 'all'), v.value];
    }),
  );
}

/** Waits for a counter to reach a value: the consumer counts once the broker confirms. */
const reaches =
  (metrics: EventMetrics, name: 'retried' | 'deadLettered', label: string, value: number) =>
  async () => {
    const counts = await counted(metrics, name);
    return counts[label] === value ? counts : undefined;
  };

describe.each(busImplementations())('an event consumer on $name', ({ url }) => {
  const events = useEventsHarness(url);
  const ledgerHas = (source: string, count: number) => async () => {
    const notes = await events.ledger(source);
    return notes.length >= count ? notes : undefined;
  };

  it('applies an event delivered twice only once', async () => {
    const broker = await events.broker('dedupe');
    const metrics = events.metrics();
    await events.consumer(broker, 'dedupe', {
      metrics,
      handlers: {
        'user.registered': async (tx, event) => {
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('dedupe', ${event.data.email})`;
        },
      },
    });
    const event = registration('twice@example.test');
    await events.publish('user.registered', event, event.id);
    await events.publish('user.registered', event, event.id);

    await eventually(async () => {
      const outcomes = await counted(metrics, 'consumed');
      return outcomes['handled'] === 1 && outcomes['duplicate'] === 1 ? true : undefined;
    });
    expect(await events.ledger('dedupe')).toEqual(['twice@example.test']);
  });

  it('retries a failing handler with growing delays, then parks the message while others flow; replay works', async () => {
    const broker = await events.broker('retry');
    const metrics = events.metrics();
    const attempts: number[] = [];
    let fixed = false;
    const { topology } = await events.consumer(broker, 'retry', {
      metrics,
      maxAttempts: 3,
      retryDelaysMs: [150, 400],
      handlers: {
        'user.registered': async (tx, event) => {
          if (event.data.email.startsWith('poison') && !fixed) {
            attempts.push(Date.now());
            throw new Error('the mail template is broken');
          }
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('retry', ${event.data.email})`;
        },
      },
    });
    const poison = registration('poison@example.test');
    await events.publish('user.registered', poison, poison.id);
    for (let n = 0; n < 5; n++) {
      const good = registration(`good${n}@example.test`);
      await events.publish('user.registered', good, good.id);
    }

    // The good messages do not wait behind the failing one.
    const handled = await eventually(ledgerHas('retry', 5));
    expect(handled).toHaveLength(5);
    expect(attempts.length).toBeLessThan(3);

    const channel = await events.adminChannel();
    const [parked] = await eventually(async () => {
      const letters = await listDeadLetters(channel, topology);
      return letters.length ? letters : undefined;
    });
    expect(attempts).toHaveLength(3);
    // Each retry waited at least its queue's delay, and the delays grow.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(150);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(400);
    expect(parked).toMatchObject({
      id: poison.id,
      attempts: 3,
      reason: 'exhausted: the handler failed 3 times; last error: the mail template is broken',
    });
    // The counters move once the broker confirms a copy, which can be just after the copy
    // is visible in its queue.
    expect(await eventually(reaches(metrics, 'retried', 'all', 2))).toEqual({ all: 2 });
    expect(await eventually(reaches(metrics, 'deadLettered', 'exhausted', 1))).toEqual({
      exhausted: 1,
    });
    // Listing leaves the message where it was.
    expect(await listDeadLetters(channel, topology)).toHaveLength(1);

    fixed = true;
    const replayed = await replayDeadLetters(channel, topology, undefined, events.user);
    expect(replayed.map((letter) => letter.id)).toEqual([poison.id]);
    await eventually(ledgerHas('retry', 6));
    expect(await events.ledger('retry')).toContain('poison@example.test');
    expect(await listDeadLetters(channel, topology)).toEqual([]);
  });

  it('parks malformed messages at once with the reason, and keeps consuming', async () => {
    const broker = await events.broker('malformed');
    const metrics = events.metrics();
    let calls = 0;
    const { topology } = await events.consumer(broker, 'malformed', {
      metrics,
      handlers: {
        'user.registered': async (tx, event) => {
          calls++;
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('malformed', ${event.data.email})`;
        },
      },
    });
    const valid = registration('valid@example.test');
    await events.publish('user.registered', '{"this is": not json', 'not-json');
    await events.publish('user.registered', { ...valid, type: 'user.vanished' }, 'unknown-type');
    await events.publish(
      'user.registered',
      { ...registration('x@example.test'), data: { email: 'nope' } },
      'bad-data',
    );
    await events.publish('user.registered', valid, valid.id);

    await eventually(ledgerHas('malformed', 1));
    const channel = await events.adminChannel();
    const letters = await eventually(async () => {
      const found = await listDeadLetters(channel, topology);
      return found.length === 3 ? found : undefined;
    });
    const reasons = Object.fromEntries(letters.map((letter) => [letter.id, letter.reason]));
    expect(reasons['not-json']).toBe('malformed: the body is not JSON');
    expect(reasons['unknown-type']).toBe('malformed: unknown event type "user.vanished"');
    expect(reasons['bad-data']).toMatch(/^malformed: invalid user.registered data: .*email/s);
    expect(letters.every((letter) => letter.attempts === 0)).toBe(true);
    expect(calls).toBe(1);
    expect(await eventually(reaches(metrics, 'deadLettered', 'malformed', 3))).toEqual({
      malformed: 3,
    });
  });

  it('parks, as forged, an event its sender may not publish, and keeps consuming', async () => {
    const broker = await events.broker('forged');
    const metrics = events.metrics();
    const { topology } = await events.consumer(broker, 'forged', {
      metrics,
      // Per-service users: the harness's own user is this consumer's (its re-queues).
      identity: producerIdentity(events.user, 'cg-forged-{service}'),
      handlers: {
        'user.registered': async (tx, event) => {
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('forged', ${event.data.email})`;
        },
      },
    });
    // A producer that does not own user.registered (reviews does not), and a message that
    // no broker user vouches for.
    const claimed = createEnvelope(
      'user.registered',
      { userId: crypto.randomUUID(), email: 'claimed@example.test', displayName: 'Eve' },
      { producer: 'reviews' },
    );
    const anonymous = registration('anonymous@example.test');
    const genuine = registration('genuine@example.test');
    await events.publish('user.registered', claimed, claimed.id);
    await events.publish('user.registered', anonymous, anonymous.id, null);
    await events.publish('user.registered', genuine, genuine.id);

    expect(await eventually(ledgerHas('forged', 1))).toEqual(['genuine@example.test']);
    const channel = await events.adminChannel();
    const letters = await eventually(async () => {
      const found = await listDeadLetters(channel, topology);
      return found.length === 2 ? found : undefined;
    });
    const reasons = Object.fromEntries(letters.map((letter) => [letter.id, letter.reason]));
    expect(reasons[claimed.id]).toBe(
      'forged: user.registered is users\'s event; "reviews" may not publish it',
    );
    expect(reasons[anonymous.id]).toMatch(/^forged: user.registered was sent by no broker user/);
    expect(await eventually(reaches(metrics, 'deadLettered', 'forged', 2))).toEqual({
      forged: 2,
    });
  });

  it('reconnects after losing its connection, without a restart, and consumes what waited', async () => {
    const broker = await events.broker('consumer-drop');
    await events.consumer(broker, 'reconnect', {
      handlers: {
        'user.registered': async (tx, event) => {
          await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('reconnect', ${event.data.email})`;
        },
      },
    });
    const disconnected = new Promise<void>((resolve) => broker.onDisconnect(resolve));
    await events.dropConnection('consumer-drop');
    await disconnected;
    const event = registration('after-drop@example.test');
    await events.publish('user.registered', event, event.id);

    expect(await eventually(ledgerHas('reconnect', 1))).toEqual(['after-drop@example.test']);
    expect(broker.isConnected).toBe(true);
  });
});
