import { createHash } from 'node:crypto';
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
} from '@apollo/server-gateway-interface';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import {
  getNamedType,
  getOperationAST,
  isObjectType,
  isInterfaceType,
  parse,
  print,
} from 'graphql';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { withTimeout } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import { cachePolicyOf } from '../subgraphDataSource.ts';
import type { CacheHints, CachePolicy } from './cacheHints.ts';
import { policyOf, readCacheHints } from './cacheHints.ts';
import type { EntityKeys, TaggingPlan } from './cacheTags.ts';
import { entitiesOf, planTagging, readEntityKeys, tagsOf, writeTags } from './cacheTags.ts';
import type { FieldOwners } from './fieldOwners.ts';
import { readFieldOwners } from './fieldOwners.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { Lookup, ResponseCacheStore } from './responseCacheStore.ts';

export type ResponseCacheSettings = GatewayConfig['responseCache'];

export interface ResponseCacheMetrics {
  /** hit, miss, stale (purged since it was stored), bypass (the store unavailable or slow). */
  lookups: Counter<'outcome'>;
  /** By source (mutation, event) and outcome (done, failed). */
  purges: Counter<'source' | 'outcome'>;
}

/**
 * Runs the operation's plan into `merged` (the executor's result) and shapes the answer;
 * its subgraph calls share fetches in flight only with calls given the same `shareKey`.
 */
export type ExecuteInto = (
  merged: Record<string, unknown>,
  shareKey?: string,
) => Promise<GatewayExecutionResult>;

/** What the cache does with one prepared operation. */
export interface CachedOperation {
  /** The document to plan: the client's, with the keys of the entities it selects. */
  document: DocumentNode;
  policy: CachePolicy;
  /** Answers from the cache, or executes (storing the answer, or purging after a mutation). */
  serve(
    requestContext: GatewayGraphQLRequestContext,
    execute: ExecuteInto,
  ): Promise<GatewayExecutionResult>;
}

export interface ResponseCache {
  /** Reads a (re)loaded supergraph's hints and entities for operations on its API schema. */
  useSupergraph(apiSchema: GraphQLSchema, supergraphSdl: string): void;
  /** Once per prepared operation; undefined: neither cached nor purging (planned as sent). */
  prepare(
    apiSchema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
  ): CachedOperation | undefined;
  /** Retires every stored answer holding one of these tags. Never throws. */
  purge(tags: Iterable<string>, source: 'mutation' | 'event'): Promise<void>;
  close(): Promise<void>;
}

interface SupergraphCaching {
  /** Changes with the supergraph, so a reloaded one never serves another's answers. */
  id: string;
  hints: CacheHints;
  entityKeys: EntityKeys;
  fieldOwners: FieldOwners;
}

/**
 * How entries are keyed and tagged: a change makes entries stored by another version
 * unreachable, so no purge of the new kind ever misses an entry tagged the old way.
 */
const ENTRY_VERSION = 'v2';

/**
 * The gateway's response cache (docs/caching.md, "Gateway response cache"): whole answers
 * of queries in the keyspace, for as long as the subgraphs' `@cacheControl` hints allow,
 * PRIVATE ones per viewer; each answer tagged with the entities in it, purged by the
 * mutations that pass through the gateway and by the catalog and review events, so a
 * read after a write never sees what it replaced. While the keyspace is unreachable or
 * slow, requests bypass it.
 */
export function createResponseCache(options: {
  settings: ResponseCacheSettings;
  store: ResponseCacheStore;
  logger: Logger;
  metrics: ResponseCacheMetrics;
}): ResponseCache {
  const { settings, store, logger, metrics } = options;
  const supergraphs = new WeakMap<GraphQLSchema, SupergraphCaching>();
  let mustRetire = false;

  const timed = <T>(promise: Promise<T>) => withTimeout(promise, settings.timeoutMs);
  const viewerTag = (viewerId: string) => `${settings.viewerType}:${viewerId}`;

  /** False: bypass the store (unreachable, or entries to retire after a lost purge). */
  async function usable(): Promise<boolean> {
    if (!store.available()) return false;
    if (!mustRetire) return true;
    try {
      await timed(store.retireAll());
      mustRetire = false;
      logger.info('response cache entries retired after a failed purge');
      return true;
    } catch {
      return false;
    }
  }

  async function purge(
    tags: Iterable<string>,
    source: 'mutation' | 'event',
    options: { all?: boolean } = {},
  ): Promise<void> {
    const list = [...new Set(tags)];
    if (!list.length && !options.all) return;
    try {
      if (!store.available()) throw new Error('the keyspace is not connected');
      await timed(options.all ? store.retireAll() : store.purge(list));
      metrics.purges.inc({ source, outcome: 'done' });
    } catch (error) {
      // The write committed: what it made wrong must not be served once the store is back.
      mustRetire = true;
      metrics.purges.inc({ source, outcome: 'failed' });
      logger.warn(
        { err: error, source, tags: list.length },
        'response cache purge failed; bypassing the cache until its entries are retired',
      );
    }
  }

  function prepareQuery(
    caching: SupergraphCaching,
    apiSchema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    operation: OperationDefinitionNode,
  ): CachedOperation | undefined {
    const policy = policyOf(apiSchema, caching.hints, document, operationName, {
      defaultMaxAge: settings.defaultMaxAgeSeconds,
    });
    const override = operationName ? settings.operations[operationName] : undefined;
    if (override?.enabled === false) return undefined;
    if (override?.maxAge !== undefined) policy.maxAge = override.maxAge;
    policy.maxAge = Math.min(policy.maxAge, settings.maxTtlSeconds);
    if (policy.maxAge <= 0) return undefined;
    // Only what is stored needs tagging (an uncacheable query is planned as sent).
    const tagging = planTagging(
      apiSchema,
      caching.entityKeys,
      caching.fieldOwners,
      document,
      operation,
    );
    if (!tagging) {
      logger.debug({ operationName }, 'response cache: answers cannot be tagged; not cached');
      return undefined;
    }
    const base = createHash('sha256')
      .update(`${ENTRY_VERSION}\0${caching.id}\0${operationName ?? ''}\0${print(document)}`)
      .digest('base64url');
    const variableNames = (operation.variableDefinitions ?? []).map(
      (definition) => definition.variable.name.value,
    );

    return {
      document: tagging.document,
      policy,
      async serve(requestContext, execute) {
        const context = requestContext.context as Partial<GatewayContext>;
        const viewer = context.viewer ?? null;
        // A PRIVATE answer is for one viewer: with none, nobody else may ever get it.
        if (policy.scope === 'PRIVATE' && !viewer) return execute(Object.create(null));
        if (!(await usable())) {
          metrics.lookups.inc({ outcome: 'bypass' });
          return execute(Object.create(null));
        }
        const variables = requestContext.request.variables ?? {};
        const key = createHash('sha256')
          .update(base)
          .update('\0')
          .update(canonicalJson(variableNames.map((name) => [name, variables[name] ?? null])))
          .update(`\0${context.clientName ?? 'anonymous'}`)
          .update(policy.scope === 'PRIVATE' ? `\0${viewer!.id}` : '\0')
          .digest('base64url');
        const started = Date.now();
        let lookup: Lookup;
        try {
          lookup = await timed(store.lookup(key));
        } catch (error) {
          logger.debug({ err: error }, 'response cache lookup failed; executing');
          metrics.lookups.inc({ outcome: 'bypass' });
          return execute(Object.create(null));
        }
        metrics.lookups.inc({ outcome: lookup.outcome });
        if (lookup.outcome === 'hit') {
          cachePolicyOf(requestContext as { overallCachePolicy?: unknown })?.restrict({
            maxAge: Math.max(0, Math.floor(lookup.ttlMs / 1000)),
            scope: policy.scope,
          });
          // Parsed for this request alone: no two requests share an answer's objects.
          return JSON.parse(lookup.body) as GatewayExecutionResult;
        }
        const merged: Record<string, unknown> = Object.create(null);
        // A fetch started before the clock was read may hold data older than it: not joined.
        const result = await execute(merged, `responseCache:${lookup.clock}`);
        // The answer's age counts from the read, as the subgraphs' hints mean it.
        const ttlMs = policy.maxAge * 1000 - (Date.now() - started);
        if (result.errors || result.extensions || !result.data || ttlMs <= 0) return result;
        const tags = tagsOf(merged, tagging);
        if (policy.scope === 'PRIVATE') tags.add(viewerTag(viewer!.id));
        const answer = {
          clock: lookup.clock,
          tags: [...tags],
          body: JSON.stringify({ data: result.data }),
        };
        if (Buffer.byteLength(answer.body) > settings.maxEntryBytes) return result;
        // Filling is best effort: the answer is right without it.
        void timed(store.store(key, answer, ttlMs)).catch((error: unknown) =>
          logger.debug({ err: error }, 'response cache fill failed'),
        );
        return result;
      },
    };
  }

  function prepareMutation(
    tagging: TaggingPlan | undefined,
    document: DocumentNode,
  ): CachedOperation {
    return {
      document: tagging?.document ?? document,
      policy: { maxAge: 0, scope: 'PUBLIC' },
      async serve(requestContext, execute) {
        const merged: Record<string, unknown> = Object.create(null);
        // Purged before the answer leaves, even when it carries errors (the write may stand).
        const result = await execute(merged);
        if (!tagging) {
          // What it changed cannot be named: every answer stored so far retires.
          await purge([], 'mutation', { all: true });
          return result;
        }
        const tags = writeTags(entitiesOf(merged), tagging.listTypes, tagging.writers);
        const viewer = (requestContext.context as Partial<GatewayContext>).viewer;
        if (viewer) tags.push(viewerTag(viewer.id));
        await purge(tags, 'mutation');
        return result;
      },
    };
  }

  return {
    useSupergraph(apiSchema, supergraphSdl) {
      const supergraph = parse(supergraphSdl);
      supergraphs.set(apiSchema, {
        id: createHash('sha256').update(supergraphSdl).digest('base64url').slice(0, 16),
        hints: withOverrides(readCacheHints(supergraph), apiSchema, settings.types, logger),
        entityKeys: readEntityKeys(supergraph),
        fieldOwners: readFieldOwners(supergraph),
      });
    },
    prepare(apiSchema, document, operationName) {
      const caching = supergraphs.get(apiSchema);
      const operation = getOperationAST(document, operationName);
      if (!caching || !operation || operation.operation === 'subscription') return undefined;
      if (operation.operation === 'query')
        return prepareQuery(caching, apiSchema, document, operationName, operation);
      const tagging = planTagging(
        apiSchema,
        caching.entityKeys,
        caching.fieldOwners,
        document,
        operation,
      );
      return prepareMutation(tagging, document);
    },
    purge,
    close: () => store.close(),
  };
}

/**
 * The hints with the configured overrides: a maxAge replaces the hint's on that type or
 * field; `enabled: false` on a type makes every field returning it uncacheable, so no
 * answer that holds it is cached.
 */
function withOverrides(
  hints: CacheHints,
  apiSchema: GraphQLSchema,
  overrides: ResponseCacheSettings['types'],
  logger: Logger,
): CacheHints {
  const coordinates = new Map(hints.coordinates);
  const set = (coordinate: string, maxAge: number) =>
    coordinates.set(coordinate, { ...coordinates.get(coordinate), maxAge });
  for (const [coordinate, override] of Object.entries(overrides)) {
    const [typeName = '', fieldName] = coordinate.split('.', 2);
    const type = apiSchema.getType(typeName);
    const hasField =
      !fieldName ||
      ((isObjectType(type) || isInterfaceType(type)) && Boolean(type.getFields()[fieldName]));
    if (!type || !hasField) {
      logger.warn({ coordinate }, 'responseCache.types names no type or field of the supergraph');
      continue;
    }
    if (override.maxAge !== undefined) set(coordinate, override.maxAge);
    if (override.enabled !== false) continue;
    set(coordinate, 0);
    if (fieldName) continue;
    for (const parent of Object.values(apiSchema.getTypeMap()))
      if (isObjectType(parent) || isInterfaceType(parent))
        for (const field of Object.values(parent.getFields()))
          if (getNamedType(field.type).name === type.name) set(`${parent.name}.${field.name}`, 0);
  }
  return { coordinates };
}
