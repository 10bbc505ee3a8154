// Documents built to be expensive for a gateway to read, each with what the gateway must
// answer at its default limits (gateway.yaml): a refusal with its code, or an answer. The
// e2e suite sends each over HTTP and over graphql-ws; `npm run bench:admission` measures
// the gateway CPU each costs, next to an ordinary operation.

export interface HostileDocument {
  name: string;
  query: string;
  operationName?: string;
  /** The codes of the refusal, or `answered`: the operation runs (its data may hold nulls). */
  expect: readonly string[] | 'answered';
}

const times = (count: number, each: (i: number) => string, separator = ' ') =>
  Array.from({ length: count }, (_, i) => each(i)).join(separator);

/** `{ ...F0 }` with each fragment spreading the next twice: 2^levels copies of `leaf`. */
const doubling = (levels: number, leaf: string, on = 'Query', root = '{ ...F0 }') =>
  `query ${root}\n${times(levels, (i) => `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`, '\n')}\nfragment F${levels} on ${on} { ${leaf} }`;

/** An ordinary operation, as the web app sends it: the reference the others compare with. */
export const ordinaryDocument: HostileDocument = {
  name: 'ordinary: a page of movies with genres',
  query:
    'query NowShowing { movies(first: 10) { totalCount edges { cursor node { id title slug genres { id name } } } pageInfo { hasNextPage endCursor } } }',
  expect: 'answered',
};

export const hostileDocuments: readonly HostileDocument[] = [
  {
    // The 905-character document that took the gateway 1.3 s before fragments were measured once.
    name: 'fragment doubling, 22 levels (905 chars)',
    query: doubling(22, '__typename'),
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    name: 'fragment doubling, 64 levels, a list at the end',
    query: doubling(64, 'movies(first: 1) { totalCount }'),
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    name: 'fragment doubling, 64 levels, an alias at the end',
    query: doubling(64, 'a: __typename'),
    expect: ['MAX_ALIASES_EXCEEDED'],
  },
  {
    name: 'fragment doubling inside introspection, 64 levels',
    query: doubling(64, 'name fields { name }', '__Type', '{ __schema { types { ...F0 } } }'),
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    name: '1,200 aliases',
    query: `{ ${times(1_200, (i) => `a${i}: __typename`)} }`,
    expect: ['MAX_ALIASES_EXCEEDED'],
  },
  {
    name: '1,000 levels deep',
    query: `{ ${'me { '.repeat(1_000)}id${' }'.repeat(1_000)} }`,
    expect: ['MAX_DEPTH_EXCEEDED'],
  },
  {
    name: 'one field 600 times (the validator compares them pairwise)',
    query: `{ ${times(600, () => 'me { id }')} }`,
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    name: '150 fragments spread in one place',
    query: `{ me { ${times(150, (i) => `...U${i}`)} } } ${times(150, (i) => `fragment U${i} on User { id }`)}`,
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    // Was answered (2.2 MB) with an alias limit of 30: introspection was not counted.
    name: 'introspection, 300 aliases',
    query: `{ __schema { ${times(300, (i) => `a${i}: types { fields { args { name type { name } } } }`)} } }`,
    expect: ['MAX_ALIASES_EXCEEDED'],
  },
  {
    // graphql-js's MaxIntrospectionDepthRule refuses `fields` nested in `fields` 3 deep.
    name: 'introspection cycles, nested within the depth limit',
    query:
      '{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }',
    expect: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'introspection through fragments, 24 copies of every type',
    query: `{ __schema { ${times(24, () => 'types { ...T }')} } } fragment T on __Type { fields { args { type { ...R } } type { ...R } } } fragment R on __Type { name fields { name } inputFields { name } }`,
    expect: ['COST_LIMIT_EXCEEDED'],
  },
  {
    name: 'introspection through 24 different fragments',
    query: `{ __schema { types { ${times(24, (i) => `...T${i}`)} } } } ${times(24, (i) => `fragment T${i} on __Type { fields { args { type { ...R } } type { ...R } } }`)} fragment R on __Type { name fields { name } inputFields { name } }`,
    expect: ['COST_LIMIT_EXCEEDED'],
  },
  {
    name: 'a 900 KB string literal',
    query: `{ movie(slug: "${'x'.repeat(900_000)}") { id title } }`,
    expect: ['MAX_TEXT_LENGTH_EXCEEDED'],
  },
  {
    name: 'a 900 KB field name',
    query: `{ ${'a'.repeat(900_000)} }`,
    expect: ['MAX_TEXT_LENGTH_EXCEEDED'],
  },
  {
    name: 'a 60 KB string literal',
    query: `{ movie(slug: "${'x'.repeat(60_000)}") { id title } }`,
    expect: 'answered',
  },
  {
    name: 'a 2,000-character alias',
    query: `{ ${'a'.repeat(2_000)}: __typename }`,
    expect: ['MAX_TOKEN_LENGTH_EXCEEDED'],
  },
  {
    name: '1,000 operations in one document',
    query: times(1_000, (i) => `query Q${i} { __typename }`, '\n'),
    operationName: 'Q999',
    expect: ['MAX_DEFINITIONS_EXCEEDED'],
  },
  {
    name: '600 fragments nobody spreads',
    query: `{ __typename } ${times(600, (i) => `fragment F${i} on Query { __typename }`)}`,
    expect: ['MAX_DEFINITIONS_EXCEEDED'],
  },
  {
    name: '1,200 variables',
    query: `query Q(${times(1_200, (i) => `$v${i}: Int`)}) { __typename }`,
    expect: ['MAX_VARIABLES_EXCEEDED'],
  },
  {
    name: '600 directives on one field',
    query: `{ __typename ${times(600, () => '@include(if: true)')} }`,
    expect: ['MAX_SELECTIONS_EXCEEDED'],
  },
  {
    // graphql-js stops at 100 errors, each with its "did you mean".
    name: '900 fields the schema does not have',
    query: `{ me { ${times(900, (i) => `email${i}`)} } }`,
    expect: ['GRAPHQL_VALIDATION_FAILED'],
  },
];
