import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const people = [
  { id: 'p1', name: 'Weaver', born: 1949 },
  { id: 'p2', name: 'Pacino', born: 1940 },
  { id: 'p3', name: 'Scott', born: 1937 },
  { id: 'p4', name: 'Mann', born: 1943 },
];
const movies = [
  { id: 'm1', title: 'Alien', year: 1979, directorId: 'p3' },
  { id: 'm2', title: 'Heat', year: 1995, directorId: 'p4' },
];
/** What a search finds, in the order it ranks them. */
const hits = [
  { __typename: 'Movie', id: 'm1' },
  { __typename: 'Person', id: 'p1' },
  { __typename: 'Movie', id: 'm2' },
  { __typename: 'Person', id: 'p2' },
];

function personOf(id: string) {
  return people.find((p) => p.id === id)!;
}

function movieOf(id: string) {
  return movies.find((m) => m.id === id)!;
}

/** A hit as the search subgraph returns it, with the fields it provides on that field. */
function provided(hit: { __typename: string; id: string }, typenames: string[]) {
  if (!typenames.includes(hit.__typename)) return hit;
  if (hit.__typename === 'Person') return { ...hit, name: personOf(hit.id).name };
  const movie = movieOf(hit.id);
  const director = personOf(movie.directorId);
  return { ...hit, title: movie.title, director: { id: director.id, name: director.name } };
}

/**
 * @provides on fields whose type is a union (`SearchResult = Movie | Person`, entities of
 * two other subgraphs). `Query.search` provides each member's fields, nested for a movie's
 * director; `Query.searchPartial` only a movie's title, so a person's name must come from
 * the people subgraph; `Query.searchLinks` provides nothing. Where the search subgraph
 * provides nothing it returns only the type and key, so a gateway that asked it for an
 * @external field would get null for a non-null field. Provided values equal the owners'.
 */
export const providesOnUnions: Scenario = {
  name: 'provides-on-unions',
  group: '@provides',
  description:
    'A @provides on union-typed root fields: for every member (one nested), for one member only, and fields of the members beyond it.',
  subgraphs: [
    {
      name: 'movies',
      typeDefs: `${federation2('@key', '@shareable')}
        type Movie @key(fields: "id") {
          id: ID!
          title: String! @shareable
          year: Int!
          director: Person! @shareable
        }
        type Person @key(fields: "id", resolvable: false) { id: ID! }`,
      resolvers: {
        Movie: {
          __resolveReference: (ref: { id: string }) => movieOf(ref.id),
          director: (movie: { directorId: string }) => ({ id: movie.directorId }),
        },
      },
    },
    {
      name: 'people',
      typeDefs: `${federation2('@key', '@shareable')}
        type Person @key(fields: "id") { id: ID! name: String! @shareable born: Int! }`,
      resolvers: {
        Person: { __resolveReference: (ref: { id: string }) => personOf(ref.id) },
      },
    },
    {
      name: 'search',
      typeDefs: `${federation2('@key', '@external', '@provides')}
        type Query {
          search: [SearchResult!]!
            @provides(fields: "... on Movie { title director { name } } ... on Person { name }")
          searchPartial: [SearchResult!]! @provides(fields: "... on Movie { title }")
          searchLinks: [SearchResult!]!
        }
        union SearchResult = Movie | Person
        type Movie @key(fields: "id") {
          id: ID!
          title: String! @external
          director: Person! @external
        }
        type Person @key(fields: "id") { id: ID! name: String! @external }`,
      resolvers: {
        Query: {
          search: () => hits.map((hit) => provided(hit, ['Movie', 'Person'])),
          searchPartial: () => hits.map((hit) => provided(hit, ['Movie'])),
          searchLinks: () => hits,
        },
      },
    },
  ],
  operations: [
    {
      name: 'provided for every member',
      query:
        '{ search { __typename ... on Movie { id title director { name } } ... on Person { id name } } }',
      data: {
        search: [
          { __typename: 'Movie', id: 'm1', title: 'Alien', director: { name: 'Scott' } },
          { __typename: 'Person', id: 'p1', name: 'Weaver' },
          { __typename: 'Movie', id: 'm2', title: 'Heat', director: { name: 'Mann' } },
          { __typename: 'Person', id: 'p2', name: 'Pacino' },
        ],
      },
    },
    {
      name: 'fields of the members beyond it',
      query:
        '{ search { ... on Movie { title year director { name born } } ... on Person { name born } } }',
      data: {
        search: [
          { title: 'Alien', year: 1979, director: { name: 'Scott', born: 1937 } },
          { name: 'Weaver', born: 1949 },
          { title: 'Heat', year: 1995, director: { name: 'Mann', born: 1943 } },
          { name: 'Pacino', born: 1940 },
        ],
      },
    },
    {
      // A person's name is not provided by searchPartial: it must come from people.
      name: 'provided for one member',
      query: '{ searchPartial { ... on Movie { title } ... on Person { name } } }',
      data: {
        searchPartial: [
          { title: 'Alien' },
          { name: 'Weaver' },
          { title: 'Heat' },
          { name: 'Pacino' },
        ],
      },
    },
    {
      // searchPartial provides a movie's title, not its director's name.
      name: 'beyond the member provided',
      query: '{ searchPartial { ... on Movie { title director { name } } } }',
      data: {
        searchPartial: [
          { title: 'Alien', director: { name: 'Scott' } },
          {},
          { title: 'Heat', director: { name: 'Mann' } },
          {},
        ],
      },
    },
    {
      name: 'a path without @provides',
      query: '{ searchLinks { ... on Movie { title director { name } } ... on Person { name } } }',
      data: {
        searchLinks: [
          { title: 'Alien', director: { name: 'Scott' } },
          { name: 'Weaver' },
          { title: 'Heat', director: { name: 'Mann' } },
          { name: 'Pacino' },
        ],
      },
    },
    {
      name: 'only the members',
      query: '{ search { __typename } searchLinks { __typename ... on Person { id } } }',
      data: {
        search: [
          { __typename: 'Movie' },
          { __typename: 'Person' },
          { __typename: 'Movie' },
          { __typename: 'Person' },
        ],
        searchLinks: [
          { __typename: 'Movie' },
          { __typename: 'Person', id: 'p1' },
          { __typename: 'Movie' },
          { __typename: 'Person', id: 'p2' },
        ],
      },
    },
  ],
};
