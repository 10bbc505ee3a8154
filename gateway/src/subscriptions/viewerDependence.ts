import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import type { CacheHints } from '../caching/cacheHints.ts';
import { policyOf, readCacheHints } from '../caching/cacheHints.ts';

/**
 * Whether an operation's answer depends on who asks. Asked of operations on the API
 * schema: the client's, and the primary fetch's subscription (a subgraph's root fields,
 * which the API schema has too).
 */
export type IsViewerDependent = (operation: {
  document: DocumentNode;
  operationName: string | undefined;
}) => boolean;

/**
 * Viewer dependence as the supergraph's cache hints tell it (caching/cacheHints.ts): an
 * operation depends on the viewer when a field or type it selects is
 * `@cacheControl(scope: PRIVATE)`. The hints follow the supergraph as it reloads.
 */
export function viewerDependenceFromHints(
  gateway: Pick<GatewayInterface, 'onSchemaLoadOrUpdate'>,
): IsViewerDependent {
  let current: { schema: GraphQLSchema; hints: CacheHints } | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    current = { schema: apiSchema, hints: readCacheHints(parse(coreSupergraphSdl)) };
  });
  return ({ document, operationName }) => {
    // Nothing loaded, nothing known: everyone is on their own.
    if (!current) return true;
    return policyOf(current.schema, current.hints, document, operationName).scope === 'PRIVATE';
  };
}
