import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { buildSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readCostDirectives } from './costDirectives.ts';
import { estimateCost, MUTATION_BASE_COST } from './operationCost.ts';
import { measureOperation } from './operationShape.ts';

const sdl = `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Person { name: String! }
  type Movie { id: ID! title: String! cast: [Person!]! rating: Float @cost(weight: 7) similar: [Movie!]! @listSize(assumedSize: 3) }
  type MovieEdge { cursor: String! node: Movie! }
  type MovieConnection { edges: [MovieEdge!]! totalCount: Int! }
  type Query {
    movies(first: Int = 20): MovieConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    movie(id: ID!): Movie
    genres: [String!]!
  }
  type Mutation { rate(id: ID!): Movie }
`;
const schema = buildSchema(sdl);
const directives = readCostDirectives(parse(sdl));

function split(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { operation, fragments };
}

const cost = (query: string, variables?: Record<string, unknown>) => {
  const { operation, fragments } = split(query);
  return estimateCost(operation, fragments, { schema, directives, defaultListSize: 10, variables });
};

describe('measureOperation', () => {
  it('counts depth through fragments, aliases and root fields, ignoring meta fields', () => {
    const { operation, fragments } = split(`
      query {
        a: movie(id: 1) { ...M }
        b: movie(id: 2) { title }
        __typename
        __schema { types { fields { type { ofType { name } } } } }
      }
      fragment M on Movie { similar { similar { cast { name } } } }
    `);
    expect(measureOperation(operation, fragments)).toEqual({ depth: 5, aliases: 2, rootFields: 2 });
  });

  it('does not loop on a fragment that spreads itself', () => {
    const { operation, fragments } = split(
      `query { movie(id: 1) { ...M } } fragment M on Movie { similar { ...M } }`,
    );
    expect(measureOperation(operation, fragments).depth).toBe(2);
  });
});

describe('estimateCost', () => {
  it('costs objects 1 and scalars 0, honouring @cost', () => {
    expect(cost('{ movie(id: 1) { title } }')).toBe(1);
    expect(cost('{ movie(id: 1) { title rating } }')).toBe(8);
  });

  it('multiplies lists by their slicing argument, default and variables included', () => {
    // movies (1) + 20 edges × (edge 1 + node 1)
    expect(cost('{ movies { edges { node { title } } } }')).toBe(1 + 20 * 2);
    expect(
      cost('query ($n: Int) { movies(first: $n) { edges { node { title } } } }', { n: 50 }),
    ).toBe(1 + 50 * 2);
  });

  it('uses assumedSize, else the default list size', () => {
    // movie 1 + similar 3 × (1 + cast 10 × 1)
    expect(cost('{ movie(id: 1) { similar { cast { name } } } }')).toBe(1 + 3 * (1 + 10));
  });

  it('adds a base cost per mutation field', () => {
    expect(cost('mutation { rate(id: 1) { title } }')).toBe(MUTATION_BASE_COST + 1);
  });
});
