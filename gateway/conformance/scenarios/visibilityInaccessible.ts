import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

/** m3 is a draft: only `includeDrafts` (inaccessible) would return it. */
const movies = [
  {
    id: 'm1',
    legacyCode: 'L-100',
    title: 'Alien',
    genre: 'DRAMA',
    costCentre: 'CC-7',
    draft: false,
  },
  {
    id: 'm2',
    legacyCode: 'L-200',
    title: 'Airplane!',
    genre: 'COMEDY',
    costCentre: null,
    draft: false,
  },
  {
    id: 'm3',
    legacyCode: 'L-300',
    title: 'Untitled',
    genre: 'TEST_ONLY',
    costCentre: 'CC-9',
    draft: true,
  },
];
const auditLog = [{ id: 'a1', action: 'created m3' }];
const reviews: Record<string, string[]> = {
  'L-100': ['Terrifying'],
  'L-200': ['Hilarious', 'Dated'],
};

type Movie = (typeof movies)[number];

const published = (includeDrafts = false) => movies.filter((m) => includeDrafts || !m.draft);

/**
 * @inaccessible hides a field, a type (and the root field returning it), an enum value
 * and an argument from the API schema: an operation naming any of them fails validation
 * (or variable coercion) and so has no `data`. The gateway itself still uses them: an
 * inaccessible key field for entity calls and an inaccessible field in a @requires.
 */
export const visibilityInaccessible: Scenario = {
  name: 'visibility-inaccessible',
  group: 'Visibility and nulls',
  description:
    'Inaccessible fields, types, enum values and arguments are not in the API (asking is a validation error), yet still serve as keys and @requires.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key', '@inaccessible')}
        type Query {
          movies(includeDrafts: Boolean = false @inaccessible): [Movie!]!
          moviesByGenre(genre: Genre!): [Movie!]!
          auditLog: [AuditEntry!]! @inaccessible
        }
        enum Genre { DRAMA COMEDY TEST_ONLY @inaccessible }
        type Movie @key(fields: "id") @key(fields: "legacyCode") {
          id: ID!
          legacyCode: String! @inaccessible
          title: String!
          genre: Genre!
          costCentre: String @inaccessible
        }
        type AuditEntry @inaccessible { id: ID! action: String! }`,
      resolvers: {
        Query: {
          movies: (_: unknown, { includeDrafts }: { includeDrafts: boolean }) =>
            published(includeDrafts),
          moviesByGenre: (_: unknown, { genre }: { genre: string }) =>
            published().filter((m) => m.genre === genre),
          auditLog: () => auditLog,
        },
        Movie: {
          __resolveReference: (ref: { id?: string; legacyCode?: string }) =>
            movies.find((m) => m.id === ref.id || m.legacyCode === ref.legacyCode),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key', '@inaccessible', '@external', '@requires')}
        type Movie @key(fields: "legacyCode") {
          legacyCode: String! @inaccessible
          reviews: [String!]!
          costCentre: String @external
          billing: String @requires(fields: "costCentre")
        }`,
      resolvers: {
        Movie: {
          __resolveReference: (ref: Pick<Movie, 'legacyCode'>) => ref,
          reviews: (movie: Pick<Movie, 'legacyCode'>) => reviews[movie.legacyCode] ?? [],
          billing: (movie: Pick<Movie, 'costCentre'>) =>
            movie.costCentre == null ? null : `billed to ${movie.costCentre}`,
        },
      },
    },
  ],
  operations: [
    {
      name: 'accessible fields',
      query: '{ movies { id title genre } }',
      data: {
        movies: [
          { id: 'm1', title: 'Alien', genre: 'DRAMA' },
          { id: 'm2', title: 'Airplane!', genre: 'COMEDY' },
        ],
      },
    },
    {
      name: 'entity call through an inaccessible key',
      query: '{ movies { title reviews } }',
      data: {
        movies: [
          { title: 'Alien', reviews: ['Terrifying'] },
          { title: 'Airplane!', reviews: ['Hilarious', 'Dated'] },
        ],
      },
    },
    {
      name: 'requires an inaccessible field',
      // Airplane! has no cost centre.
      query: '{ movies { title billing } }',
      data: {
        movies: [
          { title: 'Alien', billing: 'billed to CC-7' },
          { title: 'Airplane!', billing: null },
        ],
      },
    },
    {
      name: 'inaccessible field asked for',
      // A validation error: the request is not executed, so the answer has no `data`.
      query: '{ movies { id costCentre } }',
      data: null,
      errors: true,
    },
    {
      name: 'inaccessible type asked for',
      query: '{ auditLog { id action } }',
      data: null,
      errors: true,
    },
    {
      name: 'inaccessible argument given',
      query: '{ movies(includeDrafts: true) { id } }',
      data: null,
      errors: true,
    },
    {
      name: 'inaccessible enum value as a literal',
      query: '{ moviesByGenre(genre: TEST_ONLY) { id } }',
      data: null,
      errors: true,
    },
    {
      name: 'inaccessible enum value in a variable',
      // Coercing the variable fails, a request error: no `data` either.
      query: 'query ($genre: Genre!) { moviesByGenre(genre: $genre) { id } }',
      variables: { genre: 'TEST_ONLY' },
      data: null,
      errors: true,
    },
    {
      name: 'accessible enum value in a variable',
      query: 'query ($genre: Genre!) { moviesByGenre(genre: $genre) { title reviews } }',
      variables: { genre: 'COMEDY' },
      data: { moviesByGenre: [{ title: 'Airplane!', reviews: ['Hilarious', 'Dated'] }] },
    },
    {
      name: 'introspection leaves them out',
      query:
        '{ genre: __type(name: "Genre") { enumValues { name } } audit: __type(name: "AuditEntry") { name } }',
      data: { genre: { enumValues: [{ name: 'DRAMA' }, { name: 'COMEDY' }] }, audit: null },
    },
  ],
};
