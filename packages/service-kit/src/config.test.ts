import { describe, expect, it } from 'vitest';
import { ConfigError, env, loadConfig, subgraphEnv } from './config.ts';

describe('loadConfig', () => {
  const shape = { ...subgraphEnv, PORT: env.port(4001) };

  it('applies defaults and freezes the result', () => {
    const config = loadConfig(shape, { DATABASE_URL: 'postgresql://localhost/users' });
    expect(config).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      REDIS_URL: 'redis://127.0.0.1:6379',
      TRUST_PROXY: ['loopback'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad or missing variable', () => {
    let error: unknown;
    try {
      loadConfig(shape, { PORT: '99999', REDIS_URL: 'http://wrong' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL');
    expect(message).toMatch(/DATABASE_URL.*\(not set\)/);
  });

  it('parses booleans and proxy lists', () => {
    const config = loadConfig(
      { FLAG: env.boolean(false), TRUST_PROXY: env.trustProxy() },
      { FLAG: '1', TRUST_PROXY: '10.0.0.0/8, loopback' },
    );
    expect(config).toEqual({ FLAG: true, TRUST_PROXY: ['10.0.0.0/8', 'loopback'] });
  });
});
