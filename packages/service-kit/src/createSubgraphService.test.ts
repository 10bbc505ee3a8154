import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SubgraphConfig } from './createSubgraphService.ts';
import { createSubgraphService } from './createSubgraphService.ts';
import type { Viewer } from './jwt.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'subgraph-service-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sdl = pathToFileURL(path.join(folder, 'schema.graphql'));
writeFileSync(sdl, 'type Query { caller: String }');
const resolvers = {
  Query: { caller: (_: unknown, __: unknown, context: { caller: string }) => context.caller },
};

const config = {
  PORT: 0,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  LOG_FORMAT: 'json',
  INSTANCE_ID: 'create-subgraph-service',
  DATABASE_URL: 'postgresql://127.0.0.1:1/never-connected',
  REDIS_URL: 'memory://create-subgraph-service',
  REDIS_KEY_PREFIX: 'test:',
  TRUST_PROXY: ['loopback'],
  OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
  JWKS_URL: 'http://127.0.0.1:1/.well-known/jwks.json',
} satisfies SubgraphConfig;

/** What happened, in order, across the fakes below. */
function journal() {
  const entries: string[] = [];
  const FakePrismaClient = class {
    $on() {}
    async $queryRaw() {
      return [{ '?column?': 1 }];
    }
    async $disconnect() {
      entries.push('database closed');
    }
  };
  return { entries, FakePrismaClient };
}

describe('createSubgraphService', () => {
  it('starts the parts in order, serves their context and readiness, closes them in reverse', async () => {
    const { entries, FakePrismaClient } = journal();
    const { service } = await createSubgraphService({
      name: 'fakes',
      config,
      PrismaClient: FakePrismaClient,
      schema: { sdl, resolvers },
      keyspace: 'required',
      setup({ keyspace }) {
        entries.push(`setup (keyspace: ${typeof keyspace.ping})`);
        return {
          context: (viewer: Viewer | null, request) => ({
            caller: `${viewer?.id ?? 'anonymous'} at ${request.ip}`,
          }),
          events: async (base) => {
            entries.push(`events started (${base.service})`);
            return {
              readiness: async () => {},
              close: async () => void entries.push('events closed'),
            };
          },
          startupTasks: {
            backfill: () => {
              entries.push('backfill started');
              return {
                firstAttempt: Promise.resolve(),
                readiness: async () => {
                  throw new Error('not yet');
                },
                stop: () => void entries.push('backfill stopped'),
              };
            },
          },
          workers: {
            poller: () => {
              entries.push('poller started');
              return { stop: async () => void entries.push('poller stopped') };
            },
          },
          close: async () => void entries.push('setup closed'),
        };
      },
    });
    expect(entries).toEqual([
      'setup (keyspace: function)',
      'events started (fakes)',
      'backfill started',
      'poller started',
    ]);

    const answer = await service.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ caller }' },
    });
    expect(answer.json()).toEqual({ data: { caller: 'anonymous at 127.0.0.1' } });
    const ready = await service.app.inject('/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toEqual({
      database: 'ok',
      keyspace: 'ok',
      broker: 'ok',
      backfill: 'failing',
    });

    entries.length = 0;
    await service.close();
    expect(entries).toEqual([
      'backfill stopped',
      'poller stopped',
      'events closed',
      'setup closed',
      'database closed',
    ]);
  });

  it('leaves a keyspace used as a cache out of readiness', async () => {
    const { FakePrismaClient } = journal();
    const { service } = await createSubgraphService({
      name: 'fakes',
      config,
      PrismaClient: FakePrismaClient,
      schema: { sdl, resolvers },
      keyspace: 'cache',
      setup: () => ({
        context: () => ({ caller: 'x' }),
        events: async () => ({ readiness: async () => {}, close: async () => {} }),
      }),
    });
    const ready = await service.app.inject('/ready');
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', broker: 'ok' } });
    await service.close();
  });

  it('closes what had started when a later part fails to start', async () => {
    const { entries, FakePrismaClient } = journal();
    const starting = createSubgraphService({
      name: 'fakes',
      config,
      PrismaClient: FakePrismaClient,
      schema: { sdl, resolvers },
      setup: () => ({
        context: () => ({ caller: 'x' }),
        events: async () => {
          throw new Error('broker refused');
        },
        close: async () => void entries.push('setup closed'),
      }),
    });
    await expect(starting).rejects.toThrow('broker refused');
    expect(entries).toEqual(['setup closed', 'database closed']);
  });
});
