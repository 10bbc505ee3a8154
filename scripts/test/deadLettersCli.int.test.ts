import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openBusModel, queueTopology } from '@cinegraph/events';
import { uniqueId } from '@cinegraph/testing';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

// The RabbitMQ side is e2e/notifications.e2e.test.ts; this is embedded mode's: the
// journal of a stopped `npm start`.
describe('npm run events:dead-letters on an in-process bus journal', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it(
    'lists and replays what is parked, and refuses a journal in use',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'cg_test_cli_'));
      dirs.push(dir);
      const url = `memory://cg_test_${uniqueId()}?journal=${path.join(dir, 'bus.journal')}`;
      const topology = queueTopology('', 'notifications', [1_000]);
      const cli = (...args: string[]) =>
        run(process.execPath, ['--import', 'tsx', 'scripts/events-dead-letters.ts', ...args], {
          cwd: repoRoot,
          env: { ...process.env, AMQP_URL: url, EVENTS_PREFIX: '', EVENTS_RETRY_DELAYS_MS: '1000' },
        });

      // What a consumer would have parked, as a running embedded process leaves it.
      let model = await openBusModel(url, 'test');
      let channel = await model.createConfirmChannel();
      await channel.assertQueue(topology.queue, { durable: true });
      await channel.assertQueue(topology.deadLetterQueue, { durable: true });
      channel.publish('', topology.deadLetterQueue, Buffer.from('{"broken":true}'), {
        persistent: true,
        messageId: 'parked-1',
        type: 'user.registered',
        headers: { 'cg-attempts': 5, 'cg-dead-letter-reason': 'exhausted: the handler failed' },
      });
      await channel.waitForConfirms();

      // While the bus is open here, its journal has an owner: the tool says so.
      const refused = await cli('list', 'notifications').then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain('in use by another process');
      await model.close();

      const listed = await cli('list', 'notifications');
      expect(listed.stdout).toContain('parked-1');
      expect(listed.stdout).toContain('1 message(s) in notifications.dlq.');
      const replayed = await cli('replay', 'notifications', 'parked-1');
      expect(replayed.stdout).toContain(
        'Replayed 1 message(s) from notifications.dlq to notifications.',
      );

      model = await openBusModel(url, 'test');
      channel = await model.createConfirmChannel();
      expect((await channel.checkQueue(topology.deadLetterQueue)).messageCount).toBe(0);
      const back = await channel.get(topology.queue);
      expect(back && back.properties.messageId).toBe('parked-1');
      expect(back && back.properties.headers?.['cg-attempts']).toBeUndefined();
      await model.close();
    },
  );
});
