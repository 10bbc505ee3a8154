// Stops the whole RabbitMQ node (`rabbitmqctl stop_app`), so it runs in the `serial`
// vitest project, after every other file, alone.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { emit } from '../src/index.ts';
import { eventually } from '@cinegraph/testing';
import { amqpUrl, useEventsHarness } from './useEventsHarness.ts';

const run = promisify(execFile);
const events = useEventsHarness();

async function brokerAnswers(): Promise<boolean> {
  const { connect } = await import('amqplib');
  try {
    await (await connect(amqpUrl)).close();
    return true;
  } catch {
    return false;
  }
}

// Whatever happens in the test, the broker is running again afterwards.
afterAll(async () => {
  await run('rabbitmqctl', ['start_app', '-q']);
}, 60_000);

it('keeps committing while the broker is stopped, then delivers every event once', async () => {
  const [producerSide, consumerSide] = [
    await events.broker('outage-producer'),
    await events.broker('outage-consumer'),
  ];
  await events.consumer(consumerSide, 'outage', {
    handlers: {
      'user.registered': async (tx, event) => {
        await tx.$executeRaw`INSERT INTO ledger (source, note) VALUES ('outage', ${event.id})`;
      },
    },
  });
  await events.relay(producerSide, { pollIntervalMs: 1_000 });

  const emitted: string[] = [];
  let producing = true;
  const producer = (async () => {
    for (let n = 0; producing; n++) {
      const event = await events.transaction((tx) =>
        emit(tx, 'user.registered', {
          userId: '0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f',
          email: `outage${n}@example.test`,
          displayName: 'Outage',
        }),
      );
      emitted.push(event.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  await eventually(async () => ((await events.ledger('outage')).length >= 10 ? true : undefined));
  await run('rabbitmqctl', ['stop_app', '-q']);
  expect(await brokerAnswers()).toBe(false);
  const committedBeforeStop = emitted.length;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  // The producer never noticed: its commits do not wait for the broker.
  expect(emitted.length).toBeGreaterThan(committedBeforeStop + 20);
  const { rows } = await events.pool.query(
    `SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`,
  );
  expect(rows[0].pending).toBeGreaterThan(0);

  await run('rabbitmqctl', ['start_app', '-q']);
  await new Promise((resolve) => setTimeout(resolve, 500));
  producing = false;
  await producer;

  const applied = await eventually(
    async () => {
      const notes = await events.ledger('outage');
      return notes.length >= emitted.length ? notes : undefined;
    },
    60_000,
    'every event after the restart',
  );
  expect(applied).toHaveLength(emitted.length);
  expect(new Set(applied)).toEqual(new Set(emitted));
}, 120_000);
