import { describe, expect, it } from 'vitest';
import { testEnvironment } from '@cinegraph/testing';
import { chooseMode, probeServices, requireServices, StartupFailure } from '../src/index.ts';

const real = {
  postgresUrl: testEnvironment.postgresUrl,
  redisUrl: testEnvironment.redisUrl,
  amqpUrl: testEnvironment.amqpUrl,
};
// Port 9 (discard) is never listening on loopback.
const closed = {
  postgresUrl: 'postgresql://postgres@127.0.0.1:9',
  redisUrl: 'redis://127.0.0.1:9',
  amqpUrl: 'amqp://guest:guest@127.0.0.1:9',
};

describe('choosing the mode', () => {
  it('auto runs services mode when PostgreSQL, Redis and RabbitMQ all answer', async () => {
    expect(await probeServices(real)).toEqual([]);
    expect(await chooseMode('auto', real)).toEqual({
      mode: 'services',
      reason: 'CINEGRAPH_MODE=auto, and PostgreSQL, Redis and RabbitMQ all answer',
    });
  });

  it('auto runs embedded mode when any one is missing, and names it', async () => {
    const choice = await chooseMode('auto', { ...real, redisUrl: closed.redisUrl });
    expect(choice.mode).toBe('embedded');
    expect(choice.reason).toMatch(/^CINEGRAPH_MODE=auto, and Redis did not answer \(.+\)$/);
    expect(choice.reason).not.toMatch(/PostgreSQL|RabbitMQ/);
  });

  it('names every service that did not answer', async () => {
    const missing = await probeServices(closed);
    expect(missing.map((reason) => reason.split(' ')[0])).toEqual([
      'PostgreSQL',
      'Redis',
      'RabbitMQ',
    ]);
  });

  it('takes services and embedded as asked, without probing', async () => {
    expect(await chooseMode('embedded', real)).toEqual({
      mode: 'embedded',
      reason: 'CINEGRAPH_MODE=embedded',
    });
    expect((await chooseMode('services', closed)).mode).toBe('services');
  });
});

describe('services mode asked for', () => {
  it('refuses to start, one sentence per service that does not answer, naming its variable', async () => {
    const failure = await requireServices({ ...real, amqpUrl: closed.amqpUrl }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartupFailure);
    expect((failure as StartupFailure).causes).toEqual([
      expect.stringMatching(
        /^RabbitMQ did not answer \(.+\): start it, or point AMQP_URL at a running one \(or run with CINEGRAPH_MODE=embedded, which needs none\)\.$/,
      ),
    ]);
    await expect(requireServices(real)).resolves.toBeUndefined();
  });
});
