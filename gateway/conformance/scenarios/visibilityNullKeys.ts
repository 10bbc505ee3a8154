import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

/** Dune has no ISBN (a null key field); Airplane! has no director (a null entity field). */
const movies = [
  { id: 'm1', isbn: 'I-1', title: 'Alien', directorId: 'p1' },
  { id: 'm2', isbn: 'I-2', title: 'Airplane!', directorId: null },
  { id: 'm3', isbn: null, title: 'Dune', directorId: 'p2' },
];
const people = [
  { id: 'p1', name: 'Ridley Scott' },
  { id: 'p2', name: 'David Lynch' },
];
const copies: Record<string, number> = { 'I-1': 3, 'I-2': 0 };
/** What the stock-take found on the shelves: a reference per label, its key maybe null. */
const stockTakes = [
  { label: 'aisle 1', movie: { isbn: 'I-1' } },
  { label: 'returns bin', movie: { isbn: null } },
  { label: 'lost', movie: null },
];

/**
 * Null where an entity would be joined. A null key field identifies nothing, not the
 * entity whose key is also null (the subgraphs treat it so), and a null entity field
 * has nothing to join. People's `__resolveReference` throws on a reference without an
 * id, so a gateway that made an entity call for a null `director` would surface an error.
 */
export const visibilityNullKeys: Scenario = {
  name: 'visibility-null-keys',
  group: 'Visibility and nulls',
  description:
    'Entities whose key field is null, references carrying a null key, and null entity fields for which no entity call is made.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { movies: [Movie!]! }
        type Movie @key(fields: "id") @key(fields: "isbn") {
          id: ID!
          isbn: String
          title: String!
          director: Person
        }
        type Person @key(fields: "id", resolvable: false) { id: ID! }`,
      resolvers: {
        Query: { movies: () => movies },
        Movie: {
          __resolveReference: (ref: { id?: string; isbn?: string | null }) =>
            movies.find(
              (m) =>
                (ref.id != null && m.id === ref.id) || (ref.isbn != null && m.isbn === ref.isbn),
            ) ?? null,
          director: (movie: { directorId: string | null }) =>
            movie.directorId === null ? null : { id: movie.directorId },
        },
      },
    },
    {
      name: 'people',
      typeDefs: `${federation2('@key')}
        type Person @key(fields: "id") { id: ID! name: String! }`,
      resolvers: {
        Person: {
          __resolveReference: (ref: { id?: string | null }) => {
            if (ref.id == null) throw new Error('a Person reference without an id');
            return people.find((p) => p.id === ref.id);
          },
        },
      },
    },
    {
      name: 'stock',
      typeDefs: `${federation2('@key')}
        type Query { stockTakes: [StockTake!]! }
        type StockTake { label: String! movie: Movie }
        type Movie @key(fields: "isbn") { isbn: String copies: Int }`,
      resolvers: {
        Query: { stockTakes: () => stockTakes },
        Movie: {
          __resolveReference: (ref: { isbn: string | null }) => (ref.isbn === null ? null : ref),
          copies: (movie: { isbn: string | null }) =>
            movie.isbn === null ? null : (copies[movie.isbn] ?? null),
        },
      },
    },
  ],
  operations: [
    {
      name: 'null key field for the only key a subgraph has',
      // stock knows Movie only by isbn; Dune's is null, so stock cannot identify it.
      query: '{ movies { title isbn copies } }',
      data: {
        movies: [
          { title: 'Alien', isbn: 'I-1', copies: 3 },
          { title: 'Airplane!', isbn: 'I-2', copies: 0 },
          { title: 'Dune', isbn: null, copies: null },
        ],
      },
    },
    {
      name: 'null entity field, no entity call',
      query: '{ movies { title director { name } } }',
      data: {
        movies: [
          { title: 'Alien', director: { name: 'Ridley Scott' } },
          { title: 'Airplane!', director: null },
          { title: 'Dune', director: { name: 'David Lynch' } },
        ],
      },
    },
    {
      name: 'references with a null key, key only',
      query: '{ stockTakes { label movie { isbn } } }',
      data: {
        stockTakes: [
          { label: 'aisle 1', movie: { isbn: 'I-1' } },
          { label: 'returns bin', movie: { isbn: null } },
          { label: 'lost', movie: null },
        ],
      },
    },
    {
      name: 'reference with a null key, owner fields',
      // The reference `{ isbn: null }` identifies no movie (not Dune, whose isbn is also
      // null): its non-null `title` cannot be resolved, a field error at that path, and
      // the null propagates to the nullable `movie`. The null `movie` needs no call.
      query: '{ stockTakes { label movie { title } } }',
      data: {
        stockTakes: [
          { label: 'aisle 1', movie: { title: 'Alien' } },
          { label: 'returns bin', movie: null },
          { label: 'lost', movie: null },
        ],
      },
      errors: true,
      errorPaths: [['stockTakes', 1, 'movie', 'title']],
    },
    {
      name: 'null key and null entity field together',
      query: '{ movies { id copies director { id name } } }',
      data: {
        movies: [
          { id: 'm1', copies: 3, director: { id: 'p1', name: 'Ridley Scott' } },
          { id: 'm2', copies: 0, director: null },
          { id: 'm3', copies: null, director: { id: 'p2', name: 'David Lynch' } },
        ],
      },
    },
  ],
};
