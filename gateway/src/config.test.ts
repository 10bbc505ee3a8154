import { describe, expect, it } from 'vitest';
import { ConfigError } from '@cinegraph/service-kit';
import { loadGatewayConfig } from './config.ts';

// With no gateway.yaml in the folder given as cwd, only the environment counts.
const noFile = '/nonexistent-cinegraph-folder';

describe('loadGatewayConfig without a file', () => {
  it('has defaults for everything', () => {
    const config = loadGatewayConfig({}, noFile);
    expect(config.server).toEqual({
      host: '127.0.0.1',
      port: 4000,
      trustProxy: ['loopback'],
      logLevel: 'info',
      logFormat: 'auto',
      instanceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      bodyLimitBytes: 1_048_576,
      batching: false,
    });
    // Each process its own id unless a supervisor names its start.
    expect(loadGatewayConfig({}, noFile).server.instanceId).not.toBe(config.server.instanceId);
    expect(loadGatewayConfig({ INSTANCE_ID: 'start-1' }, noFile).server.instanceId).toBe('start-1');
    expect(config.cors).toEqual({ origins: [], credentials: false });
    expect(config.security).toEqual({ csrfPrevention: true, headers: true });
    expect(config.rateLimits.perIp).toEqual({ requests: 100, windowSeconds: 60 });
    expect(config.persistedQueries.apq).toEqual({
      enabled: true,
      ttlSeconds: 86_400,
      maxDocumentBytes: 16_384,
      registrationsPerHour: 100,
      maxEntries: 10_000,
    });
    expect(config.persistedQueries.safelist).toEqual({ defaultMode: 'allow', clients: {} });
    expect(config.file).toBeNull();
  });

  it('takes single options from environment variables', () => {
    const config = loadGatewayConfig(
      {
        PORT: '4100',
        SUBGRAPH_URLS: 'users=http://127.0.0.1:5001/graphql, movies=http://10.0.0.2/graphql',
        INTROSPECTION: 'false',
        SUPERGRAPH_PATH: 'elsewhere.graphql',
      },
      noFile,
    );
    expect(config.server.port).toBe(4100);
    expect(config.introspection).toBe(false);
    expect(config.supergraph.path).toBe(`${noFile}/elsewhere.graphql`);
    expect(config.supergraph.subgraphUrls).toEqual({
      users: 'http://127.0.0.1:5001/graphql',
      movies: 'http://10.0.0.2/graphql',
    });
  });

  it('turns the response cache on by default, and off with RESPONSE_CACHE_ENABLED=false', () => {
    expect(loadGatewayConfig({}, noFile).responseCache).toMatchObject({
      enabled: true,
      defaultMaxAgeSeconds: 0,
      maxTtlSeconds: 300,
      purgeOnEvents: true,
      types: {},
      operations: {},
    });
    expect(loadGatewayConfig({}, noFile).events.url).toBeUndefined();
    expect(
      loadGatewayConfig({ RESPONSE_CACHE_ENABLED: 'false' }, noFile).responseCache.enabled,
    ).toBe(false);
    expect(
      loadGatewayConfig({ AMQP_URL: 'memory://cinegraph', EVENTS_PREFIX: 'test.' }, noFile).events,
    ).toEqual({ url: 'memory://cinegraph', prefix: 'test.' });
  });

  it('switches introspection off under NODE_ENV=production, unless the config turns it on', () => {
    expect(loadGatewayConfig({}, noFile).introspection).toBe(true);
    expect(loadGatewayConfig({ NODE_ENV: 'production' }, noFile).introspection).toBe(false);
    expect(
      loadGatewayConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }, noFile).introspection,
    ).toBe(true);
  });

  it.each([
    [{ SUBGRAPH_URLS: 'users' }, /SUBGRAPH_URLS/],
    [{ PORT: 'eighty' }, /server\.port \(PORT\)/],
    [{ REDIS_URL: 'http://x' }, /redis\.url \(REDIS_URL\)/],
    [{ RESPONSE_CACHE_ENABLED: 'maybe' }, /responseCache\.enabled \(RESPONSE_CACHE_ENABLED\)/],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => loadGatewayConfig(env, noFile)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(env, noFile)).toThrow(message);
  });

  it('says when GATEWAY_CONFIG names a file that is not there', () => {
    expect(() => loadGatewayConfig({ GATEWAY_CONFIG: 'missing.yaml' }, noFile)).toThrow(
      /GATEWAY_CONFIG: cannot read .*missing\.yaml \(ENOENT\)/,
    );
  });
});
