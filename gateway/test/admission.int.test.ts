// The admission chain in process, on real Redis (rate limits, persisted queries): the order
// of its steps, and the documents it keeps for Apollo Server.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectKeyspace } from '@cinegraph/keyspace';
import { testEnvironment, useRedis } from '@cinegraph/testing';
import type { AdmitOperation, Caller } from '../src/admission/admitOperation.ts';
import { createAdmission } from '../src/admission/admitOperation.ts';
import { createDocumentCache } from '../src/admission/documents.ts';
import { NoIntrospection } from '../src/admission/noIntrospection.ts';
import { createPersistedQueryBudget } from '../src/admission/persistedQueryBudget.ts';
import { createRateLimit } from '../src/admission/rateLimit.ts';
import { createSafelistCheck } from '../src/admission/safelist.ts';
import { loadGatewayConfig } from '../src/config.ts';
import { createGatewayMetrics } from '../src/gatewayMetrics.ts';
import { readCostDirectives } from '../src/limits/costDirectives.ts';
import type { ManifestRegistry } from '../src/persistedQueries/manifestRegistry.ts';
import { loadManifests } from '../src/persistedQueries/manifestRegistry.ts';

const sdl = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Movie { id: ID! title: String! similar(first: Int = 5): [Movie!]! @listSize(slicingArguments: ["first"]) }
  type Query { movie(id: ID!): Movie movies(first: Int = 10): [Movie!]! @listSize(slicingArguments: ["first"]) }
  type Subscription { seats(showtimeId: ID!): Int! }
`;
const schema = buildSchema(sdl);
const logger = pino({ level: 'silent' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const MANIFEST_QUERY = 'query Movie($id: ID!) { movie(id: $id) { title } }';

const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'admission',
  keyPrefix: prefix,
  logger,
});
let folder: string;
let manifests: ManifestRegistry;
let admit: AdmitOperation;
let documents: ReturnType<typeof createDocumentCache>;
let parses = 0;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cinegraph-admission-'));
  const file = path.join(folder, 'partner.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: sha256(MANIFEST_QUERY), name: 'Movie', type: 'query', body: MANIFEST_QUERY },
      ],
    }),
  );
  manifests = await loadManifests({ partner: file }, logger, { watch: false });
  const config = loadGatewayConfig({}, '/nonexistent-cinegraph-folder');
  const metrics = createGatewayMetrics();
  documents = createDocumentCache(metrics.documentCacheLookups);
  const counted = {
    ...documents,
    async set(...args: Parameters<typeof documents.set>) {
      parses++;
      return documents.set(...args);
    },
  };
  admit = createAdmission({
    limits: { ...config.limits, maxCost: 500, maxDepth: 4 },
    rateLimit: createRateLimit({
      limits: { ...config.rateLimits, enabled: true, perIp: { requests: 20, windowSeconds: 60 } },
      store: keyspace.store,
      rejected: metrics.rateLimited,
      logger,
    }),
    safelist: createSafelistCheck({
      config: {
        ...config,
        persistedQueries: {
          ...config.persistedQueries,
          safelist: {
            defaultMode: 'allow',
            clients: { partner: { mode: 'enforce', manifests: ['partner'], apiKeySha256: [] } },
          },
        },
      },
      manifests,
      violations: metrics.safelistViolations,
    }),
    async persistedText(id, apq) {
      return (
        manifests.bodyById(id) ??
        (apq ? ((await keyspace.store.get(`apq:${id}`)) ?? undefined) : undefined)
      );
    },
    budget: createPersistedQueryBudget({
      store: keyspace.store,
      manifests,
      settings: config.persistedQueries.apq,
    }),
    documents: counted,
    validationRules: [NoIntrospection],
    schema: () => schema,
    costDirectives: () => readCostDirectives(parse(sdl)),
    checkSubscription: ({ operation }) =>
      operation.name?.value === 'Refused'
        ? [
            new GraphQLError('no plan', {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ]
        : [],
  });
});

afterAll(async () => {
  await manifests?.close();
  await keyspace.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

let addresses = 0;
/** A caller of its own (its own rate limit budget). */
const caller = (client: Caller['client'] = null): Caller => ({
  client,
  address: `10.20.${addresses >> 8}.${addresses++ & 255}`,
  log: logger,
});
const codes = (admission: Awaited<ReturnType<AdmitOperation>>) =>
  'errors' in admission ? [...new Set(admission.errors.map((e) => e.extensions['code']))] : [];

describe('the admission chain', () => {
  it('admits an ordinary operation, with its document and the rate left', async () => {
    const admission = await admit(
      caller(),
      { query: '{ movies(first: 3) { title } }' },
      { apq: true },
    );
    expect('admitted' in admission && admission.admitted.operation.operation).toBe('query');
    expect(admission.rate).toMatchObject({ limit: 20, remaining: 19 });
  });

  it('refuses a spent budget first, before reading the document at all', async () => {
    const spent = caller();
    for (let i = 0; i < 20; i++) await admit(spent, { query: '{ __typename }' }, { apq: true });
    const hostile = `{ ${'me { '.repeat(500)} }`; // does not even parse
    expect(codes(await admit(spent, { query: hostile }, { apq: true }))).toEqual(['RATE_LIMITED']);
  });

  it('applies the safelist before the text: an enforced client runs its manifest only', async () => {
    const partner = caller({ name: 'partner', via: 'apiKey' });
    expect(
      codes(await admit(partner, { query: `{ ${'a'.repeat(5_000)} }` }, { apq: true })),
    ).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    const byId = await admit(
      partner,
      { id: sha256(MANIFEST_QUERY), variables: { id: '1' } },
      { apq: false },
    );
    expect(codes(byId)).toEqual([]);
  });

  it('finds persisted texts by id: a manifest’s anywhere, an automatic one’s on HTTP only', async () => {
    const text = '{ movies { id } }';
    await keyspace.store.set(`apq:${sha256(text)}`, text);
    expect(codes(await admit(caller(), { id: sha256(text) }, { apq: true }))).toEqual([]);
    expect(codes(await admit(caller(), { id: sha256(text) }, { apq: false }))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    expect(codes(await admit(caller(), { id: sha256('{ nothing }') }, { apq: true }))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    expect(codes(await admit(caller(), {}, { apq: true }))).toEqual(['BAD_REQUEST']);
  });

  it('limits the text, then the shape, before validating', async () => {
    expect(
      codes(await admit(caller(), { query: `{ ${'a '.repeat(6_000)}}` }, { apq: true })),
    ).toEqual(['MAX_TOKENS_EXCEEDED']);
    // Nested unknown fields: too deep is what it is told, not 500 validation errors.
    const deep = `{ ${'nope { '.repeat(6)}id${' }'.repeat(6)} }`;
    expect(codes(await admit(caller(), { query: deep }, { apq: true }))).toEqual([
      'MAX_DEPTH_EXCEEDED',
    ]);
    const unknown = await admit(
      caller(),
      { query: `{ movie(id: 1) { ${Array.from({ length: 50 }, (_, i) => `f${i}`).join(' ')} } }` },
      { apq: true },
    );
    expect(codes(unknown)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect('errors' in unknown && unknown.errors.length).toBeLessThanOrEqual(11);
    expect(codes(await admit(caller(), { query: '{ movie(' }, { apq: true }))).toEqual([
      'GRAPHQL_PARSE_FAILED',
    ]);
    expect(
      codes(await admit(caller(), { query: '{ __schema { queryType { name } } }' }, { apq: true })),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('coerces variables, then estimates the cost with them', async () => {
    const query = 'query ($n: Int!) { movies(first: $n) { similar(first: 10) { title } } }';
    expect(codes(await admit(caller(), { query, variables: { n: 'x' } }, { apq: true }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await admit(caller(), { query, variables: { n: 10 } }, { apq: true }))).toEqual(
      [],
    );
    // 100 movies x (1 + 10 similar) = 1,100 > 500
    expect(codes(await admit(caller(), { query, variables: { n: 100 } }, { apq: true }))).toEqual([
      'COST_LIMIT_EXCEEDED',
    ]);
  });

  it('asks the transport about subscriptions last', async () => {
    const subscription = 'subscription Refused { seats(showtimeId: "s") }';
    expect(codes(await admit(caller(), { query: subscription }, { apq: false }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('parses and validates a text once, for itself and for Apollo Server', async () => {
    const query = `{ movie(id: "${Math.random()}") { title } }`;
    const before = parses;
    await Promise.all([
      admit(caller(), { query }, { apq: true }),
      admit(caller(), { query }, { apq: true }),
    ]);
    await admit(caller(), { query }, { apq: true });
    // Concurrent first sights may both parse; after that, never again.
    expect(parses - before).toBeLessThanOrEqual(2);
    const later = parses;
    for (let i = 0; i < 5; i++) await admit(caller(), { query }, { apq: true });
    expect(parses).toBe(later);
    expect(await documents.get(schema, query)).toBeDefined();
  });
});
