import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { buildSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readCostDirectives } from './costDirectives.ts';
import { estimateCost, MUTATION_BASE_COST } from './operationCost.ts';
import { measureOperation, mostRepeats } from './operationShape.ts';

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
  it('counts depth through fragments, aliases, root fields and selections, introspection included', () => {
    const { operation, fragments } = split(`
      query {
        a: movie(id: 1) { ...M }
        b: movie(id: 2) { title t: __typename }
        __typename
        __schema { types { fields { type { ofType { name } } } } }
      }
      fragment M on Movie { similar { similar { cast { name } } } }
    `);
    expect(measureOperation(operation, fragments)).toEqual({
      depth: 6, // __schema types fields type ofType name
      aliases: 3,
      rootFields: 3, // a, b, __schema
      selections: 15,
    });
  });

  it('measures a fragment once however often it is spread: 64 doublings', () => {
    const chain = Array.from(
      { length: 64 },
      (_, i) => `fragment F${i} on Movie { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const { operation, fragments } = split(
      `query { movie(id: 1) { ...F0 } } ${chain} fragment F64 on Movie { a: title }`,
    );
    const shape = measureOperation(operation, fragments);
    expect(shape.selections).toBe(1 + 2 ** 64);
    expect(shape.aliases).toBe(2 ** 64);
    expect(shape.depth).toBe(2);
  });
});

describe('mostRepeats', () => {
  it('counts one response path across merged fields and fragments, spreads and directives per place', () => {
    const { operation, fragments } = split(`
      query { movie(id: 1) { title ...A } movie(id: 1) { title ...A ...B } }
      fragment A on Movie { title }
      fragment B on Movie { title }
    `);
    // movie.title: 2 direct + 2 through A + 1 through B
    expect(mostRepeats(operation, fragments)).toBe(5);
    const spreads = split(`query { movie(id: 1) { ...A ...A ...A } } fragment A on Movie { id }`);
    expect(mostRepeats(spreads.operation, spreads.fragments)).toBe(3);
    const directives = split(`query { movie(id: 1) @skip(if: false) @skip(if: false) { id } }`);
    expect(mostRepeats(directives.operation, directives.fragments)).toBe(2);
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

  it('costs a fragment spread 2^40 times by its expansion, without expanding it', () => {
    const chain = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    expect(cost(`query { ...F0 } ${chain} fragment F40 on Query { movie(id: 1) { title } }`)).toBe(
      2 ** 40,
    );
  });

  it('costs introspection by what the answer would hold, counted against the schema', () => {
    const kinds = Object.keys(schema.getTypeMap()).length;
    // __schema 1, types 1, each type 1 + its name 1
    expect(cost('{ __schema { types { name } } }')).toBe(2 + 2 * kinds);
    // __type 1 + name 1 + fields 1 + (1 + name 1) for each of Movie's five fields
    expect(cost('{ __type(name: "Movie") { name fields { name } } }')).toBe(3 + 2 * 5);
    expect(cost('{ __type(name: "Nothing") { name fields { name } } }')).toBe(1);
  });

  it('stops counting introspection once the limit is passed, however the document aliases it', () => {
    const aliases = Array.from(
      { length: 300 },
      (_, i) => `a${i}: types { fields { args { name type { name } } } }`,
    ).join(' ');
    const { operation, fragments } = split(`{ __schema { ${aliases} } }`);
    const options = { schema, directives, defaultListSize: 10 };
    const whole = estimateCost(operation, fragments, options);
    const stopped = estimateCost(operation, fragments, { ...options, stopAbove: 1_000 });
    expect(stopped).toBeGreaterThan(1_000);
    expect(whole).toBeGreaterThan(stopped * 5);
  });
});
