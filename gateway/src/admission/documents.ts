import { createHash } from 'node:crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { printSchema } from 'graphql';
import type { Counter } from 'prom-client';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Parsed and validated documents, kept once for the admission chain and Apollo Server
 * alike, under Apollo Server's own key (the SHA-256 of the printed schema, then of the
 * text), so that a document the chain has parsed and validated is a hit in Apollo
 * Server's document store: it is never parsed or validated twice.
 */
export interface DocumentCache {
  /** The validated document of this text against this schema, if it is kept. */
  get(schema: GraphQLSchema, query: string): Promise<DocumentNode | undefined>;
  set(schema: GraphQLSchema, query: string, document: DocumentNode): Promise<void>;
  /** Apollo Server's `documentStore`: its lookups are counted (a miss parsed twice). */
  readonly store: KeyValueCache<DocumentNode>;
}

export function createDocumentCache(
  lookups: Counter<'outcome'>,
  maxEntries = 10_000,
): DocumentCache {
  const cache = new InMemoryLRUCache<DocumentNode>({ max: maxEntries });
  const prefixes = new WeakMap<GraphQLSchema, string>();
  const keyOf = (schema: GraphQLSchema, query: string) => {
    let prefix = prefixes.get(schema);
    if (prefix === undefined) {
      // As Apollo Server's documentStoreKeyPrefix (computeCoreSchemaHash), once per schema.
      prefix = `${sha256(printSchema(schema))}:`;
      prefixes.set(schema, prefix);
    }
    return prefix + sha256(query);
  };
  return {
    get: (schema, query) => cache.get(keyOf(schema, query)),
    set: (schema, query, document) => cache.set(keyOf(schema, query), document),
    store: {
      async get(key) {
        const found = await cache.get(key);
        lookups.inc({ outcome: found ? 'hit' : 'miss' });
        return found;
      },
      set: (key, value, options) => cache.set(key, value, options),
      delete: (key) => cache.delete(key),
    },
  };
}
