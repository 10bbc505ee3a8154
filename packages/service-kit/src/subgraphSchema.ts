import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';

/**
 * Builds a federation subgraph schema from its SDL file and resolver map. Resolvers are
 * typed where they are written, with the subgraph's own context; this is the one place
 * that hands them to Apollo's context-agnostic resolver map type.
 */
export function loadSubgraphSchema(sdlFile: URL, resolvers: object): GraphQLSchema {
  const typeDefs = parse(readFileSync(sdlFile, 'utf8'));
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}
