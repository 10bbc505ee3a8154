import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const media = [
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Ridley Scott' },
  { __typename: 'Series', id: 's1', title: 'Twin Peaks', seasons: 3 },
  { __typename: 'Movie', id: 'm2', title: 'Heat', director: 'Michael Mann' },
];
/** The ratings subgraph's order (topRated); m2 has no rating. */
const ratings = [
  { id: 's1', rating: 9 },
  { id: 'm1', rating: 8 },
];

const ratingOf = (id: string) => ratings.find((r) => r.id === id)?.rating ?? null;

/**
 * The interface `Media` is owned by `catalog` (its implementations and their keys); the
 * `ratings` subgraph adds `rating` to every implementation at once through an
 * @interfaceObject, without knowing the implementations. Entity calls to `ratings` carry
 * `__typename: "Media"`; objects that `ratings` returns have no concrete type until
 * `catalog` is asked for it.
 */
export const interfaceObjectSimple: Scenario = {
  name: 'interface-object-simple',
  group: '@interfaceObject',
  description:
    'An @interfaceObject adds a field to all implementations of an interface, and returns interface objects whose concrete type only the owner knows.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { allMedia: [Media!]! movie(id: ID!): Movie }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String! }
        type Series implements Media @key(fields: "id") { id: ID! title: String! seasons: Int! }`,
      resolvers: {
        Query: {
          allMedia: () => media,
          movie: (_: unknown, { id }: { id: string }) =>
            media.find((m) => m.id === id && m.__typename === 'Movie'),
        },
        Media: {
          __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id),
        },
        Movie: { __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id) },
        Series: { __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id) },
      },
    },
    {
      name: 'ratings',
      typeDefs: `${federation2('@key', '@interfaceObject')}
        type Query { topRated: [Media!]! }
        type Media @key(fields: "id") @interfaceObject { id: ID! rating: Int }`,
      resolvers: {
        Query: { topRated: () => ratings.map((r) => ({ id: r.id })) },
        Media: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          rating: (m: { id: string }) => ratingOf(m.id),
        },
      },
    },
  ],
  operations: [
    {
      name: 'interface object field',
      query: '{ allMedia { id title rating } }',
      data: {
        allMedia: [
          { id: 'm1', title: 'Alien', rating: 8 },
          { id: 's1', title: 'Twin Peaks', rating: 9 },
          // ratings resolves any id as a Media; m2 has no rating.
          { id: 'm2', title: 'Heat', rating: null },
        ],
      },
    },
    {
      name: 'interface object field beside concrete fragments',
      query:
        '{ allMedia { __typename rating ... on Movie { director } ... on Series { seasons } } }',
      data: {
        allMedia: [
          { __typename: 'Movie', rating: 8, director: 'Ridley Scott' },
          { __typename: 'Series', rating: 9, seasons: 3 },
          { __typename: 'Movie', rating: null, director: 'Michael Mann' },
        ],
      },
    },
    {
      name: 'root of the interface object subgraph',
      query: '{ topRated { id rating } }',
      data: {
        topRated: [
          { id: 's1', rating: 9 },
          { id: 'm1', rating: 8 },
        ],
      },
    },
    {
      name: 'concrete typename from the owner',
      // `ratings` would answer "Media", which is no object type of the API schema.
      query: '{ topRated { __typename id } }',
      data: {
        topRated: [
          { __typename: 'Series', id: 's1' },
          { __typename: 'Movie', id: 'm1' },
        ],
      },
    },
    {
      name: 'concrete fragments on interface objects',
      query: '{ topRated { title ... on Movie { director } ... on Series { seasons } } }',
      data: {
        topRated: [
          { title: 'Twin Peaks', seasons: 3 },
          { title: 'Alien', director: 'Ridley Scott' },
        ],
      },
    },
    {
      name: 'interface object field on a concrete type',
      query: '{ movie(id: "m1") { title rating } heat: movie(id: "m2") { rating } }',
      data: { movie: { title: 'Alien', rating: 8 }, heat: { rating: null } },
    },
  ],
};
