import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';

/** One subgraph of a scenario: an `@apollo/subgraph` schema over fixed data. */
export interface ConformanceSubgraph {
  name: string;
  /** Federation 2 SDL (with its `@link`), or Federation 1 SDL (no `@link`). */
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
  /** Composed into the supergraph but never started: calls to it fail. */
  unavailable?: boolean;
}

/** An operation and the answer the federation spec and the subgraphs' data call for. */
export interface ConformanceOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * The expected `data`, worked out by hand from the subgraphs' data and the spec (never
   * copied from a gateway's answer). Compared whole, whatever the order of keys.
   */
  data: unknown;
  /**
   * Whether the answer must carry errors (true), must not (false, the default). Their
   * messages are each gateway's own; where they are is not (`errorPaths`).
   */
  errors?: boolean;
  /** The paths of the expected errors, when they must be exactly these. */
  errorPaths?: (string | number)[][];
}

/** A small federated supergraph (2 to 4 subgraphs) and operations on it. */
export interface Scenario {
  /** Kebab-case, unique: the table's row and the results' key. */
  name: string;
  /** The feature of the spec it exercises (the table's group). */
  group: string;
  /** What it checks, in a sentence or two. */
  description: string;
  subgraphs: ConformanceSubgraph[];
  operations: ConformanceOperation[];
}

/** The link every Federation 2 subgraph of the suite declares, importing what it uses. */
export function federation2(...imports: string[]): string {
  const names = imports.map((name) => `"${name}"`).join(', ');
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: [${names}])`;
}
