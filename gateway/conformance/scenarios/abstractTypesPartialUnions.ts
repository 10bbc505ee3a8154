import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

interface Media {
  kind: 'Book' | 'Movie' | 'Song';
  id: string;
}

/** What `library` knows of each book and movie. */
const titles: Record<string, string> = { b1: 'Dune', m1: 'Alien', m2: 'Heat' };
/** What `music` knows: songs whole, and one field of movies and books. */
const songs: Record<string, { title: string; artist: string }> = {
  s1: { title: 'Hurt', artist: 'Cash' },
};
const runtimes: Record<string, number> = { m1: 117, m2: 170 };
const years: Record<string, number> = { b1: 1965 };

const shelf: Media[] = [
  { kind: 'Book', id: 'b1' },
  { kind: 'Movie', id: 'm1' },
];
const playlist: Media[] = [
  { kind: 'Song', id: 's1' },
  { kind: 'Movie', id: 'm2' },
];
const featured: Media = { kind: 'Movie', id: 'm2' };

const reference = (ref: { id: string }) => ({ id: ref.id });

/**
 * One union, `Media`, with different members in two subgraphs: `Book | Movie` in
 * `library`, `Song | Movie` in `music` (which also has `Book`, but not as a member). The
 * supergraph's `Media` is `Book | Movie | Song`; each subgraph must only be sent the type
 * conditions its own union admits, and a shared field returning the union is answered
 * the same whichever subgraph serves it.
 */
export const abstractPartialUnions: Scenario = {
  name: 'abstract-partial-unions',
  group: 'Abstract types',
  description:
    'A union whose members differ between subgraphs (union intersection): type conditions on members a subgraph lacks, or has outside its union, and a shared field returning it.',
  subgraphs: [
    {
      name: 'library',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { shelf: [Media!]! featured: Media @shareable }
        union Media = Book | Movie
        type Book @key(fields: "id") { id: ID! title: String! }
        type Movie @key(fields: "id") { id: ID! title: String! }`,
      resolvers: {
        Query: { shelf: () => shelf, featured: () => featured },
        Media: { __resolveType: (media: Media) => media.kind },
        Book: {
          __resolveReference: reference,
          title: (book: { id: string }) => titles[book.id],
        },
        Movie: {
          __resolveReference: reference,
          title: (movie: { id: string }) => titles[movie.id],
        },
      },
    },
    {
      name: 'music',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { playlist: [Media!]! featured: Media @shareable }
        union Media = Song | Movie
        type Song @key(fields: "id") { id: ID! title: String! artist: String! }
        type Movie @key(fields: "id") { id: ID! runtime: Int! }
        type Book @key(fields: "id") { id: ID! year: Int! }`,
      resolvers: {
        Query: { playlist: () => playlist, featured: () => featured },
        Media: { __resolveType: (media: Media) => media.kind },
        Song: {
          __resolveReference: reference,
          title: (song: { id: string }) => songs[song.id]?.title,
          artist: (song: { id: string }) => songs[song.id]?.artist,
        },
        Movie: {
          __resolveReference: reference,
          runtime: (movie: { id: string }) => runtimes[movie.id],
        },
        Book: {
          __resolveReference: reference,
          year: (book: { id: string }) => years[book.id],
        },
      },
    },
  ],
  operations: [
    {
      // `library` has no Song: its fragment must not reach it (nothing on the shelf is one).
      name: 'type condition on a member the subgraph lacks',
      query:
        '{ shelf { __typename ... on Book { title year } ... on Movie { title runtime } ... on Song { artist } } }',
      data: {
        shelf: [
          { __typename: 'Book', title: 'Dune', year: 1965 },
          { __typename: 'Movie', title: 'Alien', runtime: 117 },
        ],
      },
    },
    {
      // `music` has a Book type, but `... on Book` inside its `Media` is invalid there.
      name: 'type condition on a type outside the subgraph union',
      query:
        '{ playlist { __typename ... on Song { title artist } ... on Movie { title runtime } ... on Book { title } } }',
      data: {
        playlist: [
          { __typename: 'Song', title: 'Hurt', artist: 'Cash' },
          { __typename: 'Movie', title: 'Heat', runtime: 170 },
        ],
      },
    },
    {
      // No item of the playlist is a Book: each is an object with no field.
      name: 'only a type condition that never applies',
      query: '{ playlist { ... on Book { year } } }',
      data: { playlist: [{}, {}] },
    },
    {
      name: 'typename of members from both subgraphs',
      query: '{ shelf { __typename } playlist { __typename } }',
      data: {
        shelf: [{ __typename: 'Book' }, { __typename: 'Movie' }],
        playlist: [{ __typename: 'Song' }, { __typename: 'Movie' }],
      },
    },
    {
      // Both subgraphs answer `featured` with movie m2, whichever the planner picks.
      name: 'shared field returning the union',
      query:
        '{ featured { __typename ... on Movie { title runtime } ... on Song { artist } ... on Book { title year } } }',
      data: { featured: { __typename: 'Movie', title: 'Heat', runtime: 170 } },
    },
  ],
};
