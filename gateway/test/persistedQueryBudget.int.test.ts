// The persisted query registration budgets on real Redis.
import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connectKeyspace } from '@cinegraph/keyspace';
import { testEnvironment, useRedis } from '@cinegraph/testing';
import { createPersistedQueryBudget } from '../src/admission/persistedQueryBudget.ts';
import { loadManifests } from '../src/persistedQueries/manifestRegistry.ts';

const logger = pino({ level: 'silent' });
const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'apq',
  keyPrefix: prefix,
  logger,
});
const manifests = await loadManifests({}, logger, { watch: false });
afterAll(async () => {
  await manifests.close();
  await keyspace.close();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const registration = (query: string) => ({ query, id: sha256(query) });
const anonymous = (address: string) => ({ client: null, address });
const codeOf = (error: { extensions: Record<string, unknown> } | undefined) =>
  error?.extensions['code'];

describe('persisted query registration budgets', () => {
  const settings = {
    enabled: true,
    ttlSeconds: 60,
    maxDocumentBytes: 1_024,
    registrationsPerHour: 3,
    maxEntries: 5,
  };
  const budget = createPersistedQueryBudget({ store: keyspace.store, manifests, settings });

  it('refuses a document over the size cap, whoever sends it', async () => {
    const refusal = await budget(anonymous('10.0.0.1'), registration(`{ a${'b'.repeat(1_100)} }`));
    expect(refusal?.extensions).toMatchObject({ code: 'PERSISTED_QUERY_TOO_LARGE', limit: 1_024 });
  });

  it('lets each address register its budget of new documents, concurrently or not', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        budget(anonymous('10.0.0.2'), registration(`{ q${i} }`)),
      ),
    );
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(3);
    const refused = outcomes.find((o) => o !== undefined)!;
    expect(refused.extensions).toMatchObject({ code: 'PERSISTED_QUERY_BUDGET_EXCEEDED' });
    expect(refused.extensions['retryAfterSeconds']).toBeGreaterThan(0);
  });

  it('charges nothing for a document already stored, nor for one that is no registration', async () => {
    const known = registration('{ known }');
    await keyspace.store.set(`apq:${known.id}`, known.query);
    for (let i = 0; i < 5; i++) expect(await budget(anonymous('10.0.0.3'), known)).toBeUndefined();
    expect(await budget(anonymous('10.0.0.3'), { query: '{ plain }' })).toBeUndefined();
    expect(await budget(anonymous('10.0.0.3'), { id: sha256('{ lookup }') })).toBeUndefined();
  });

  it('caps what all callers together register', async () => {
    // Three went in above for 10.0.0.2; two more, from others, fill the total of five.
    expect(await budget(anonymous('10.0.0.4'), registration('{ t1 }'))).toBeUndefined();
    expect(await budget(anonymous('10.0.0.5'), registration('{ t2 }'))).toBeUndefined();
    expect(codeOf(await budget(anonymous('10.0.0.6'), registration('{ t3 }')))).toBe(
      'PERSISTED_QUERY_BUDGET_EXCEEDED',
    );
  });

  it('counts a client with an API key as one, whatever its addresses', async () => {
    const own = createPersistedQueryBudget({
      store: keyspace.store,
      manifests,
      settings: { ...settings, maxEntries: 1_000, registrationsPerHour: 2 },
    });
    const partner = (address: string) => ({
      client: { name: `partner-${prefix}`, via: 'apiKey' as const },
      address,
    });
    expect(await own(partner('10.1.0.1'), registration('{ p1 }'))).toBeUndefined();
    expect(await own(partner('10.1.0.2'), registration('{ p2 }'))).toBeUndefined();
    expect(codeOf(await own(partner('10.1.0.3'), registration('{ p3 }')))).toBe(
      'PERSISTED_QUERY_BUDGET_EXCEEDED',
    );
  });
});
