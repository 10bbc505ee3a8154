import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@cinegraph/service-kit';
import { eventsEnv } from './config.ts';

describe('eventsEnv', () => {
  it('has defaults that reach a local broker', () => {
    expect(loadConfig(eventsEnv, {})).toMatchObject({
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
      EVENTS_PREFIX: '',
      EVENTS_MAX_ATTEMPTS: 5,
      EVENTS_RETRY_DELAYS_MS: [1_000, 10_000, 60_000, 300_000],
    });
  });

  it('reads retry delays as a comma list', () => {
    expect(
      loadConfig(eventsEnv, { EVENTS_RETRY_DELAYS_MS: '200,1000' }).EVENTS_RETRY_DELAYS_MS,
    ).toEqual([200, 1_000]);
  });

  it.each([
    ['AMQP_URL', 'http://127.0.0.1:5672'],
    ['EVENTS_RETRY_DELAYS_MS', '1s,2s'],
    ['EVENTS_PREFIX', 'Has Spaces'],
    ['EVENTS_PREFETCH', '0'],
  ])('names a bad %s', (variable, value) => {
    expect(() => loadConfig(eventsEnv, { [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig(eventsEnv, { [variable]: value })).toThrow(variable);
  });
});
