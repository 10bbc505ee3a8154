import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const media = [
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Ridley Scott' },
  { __typename: 'Series', id: 's1', title: 'Twin Peaks', seasons: 3 },
  { __typename: 'Movie', id: 'm2', title: 'Heat', director: 'Michael Mann' },
];
/** Heat (m2) has no rating. */
const ratings = [
  { id: 's1', rating: 9 },
  { id: 'm1', rating: 8 },
];
/** The editors' picks, in their order. */
const picks = ['s1', 'm2'];

const findMedia = (ref: { id: string }) => media.find((m) => m.id === ref.id);

/**
 * `editorial` only returns `Media` references: its @interfaceObject key is
 * `resolvable: false`, so no entity call can be made to it, and it cannot tell which
 * implementation an id is. The concrete `__typename` (and so which fragments apply) must
 * come from `catalog`, which owns the interface; `ratings` (a resolvable
 * @interfaceObject) can be called with the `Media` reference directly.
 */
export const interfaceObjectNonResolvable: Scenario = {
  name: 'interface-object-non-resolvable',
  group: '@interfaceObject',
  description:
    'A non-resolvable @interfaceObject returns interface references whose concrete type only the owner of the interface can tell.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { allMedia: [Media!]! }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String! }
        type Series implements Media @key(fields: "id") { id: ID! title: String! seasons: Int! }`,
      resolvers: {
        Query: { allMedia: () => media },
        Media: { __resolveReference: findMedia },
        Movie: { __resolveReference: findMedia },
        Series: { __resolveReference: findMedia },
      },
    },
    {
      name: 'ratings',
      typeDefs: `${federation2('@key', '@interfaceObject')}
        type Media @key(fields: "id") @interfaceObject { id: ID! rating: Int }`,
      resolvers: {
        Media: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          rating: (m: { id: string }) => ratings.find((r) => r.id === m.id)?.rating ?? null,
        },
      },
    },
    {
      name: 'editorial',
      typeDefs: `${federation2('@key', '@interfaceObject')}
        type Query { picks: [Media!]! pickOfTheDay: Media }
        type Media @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }`,
      resolvers: {
        Query: {
          picks: () => picks.map((id) => ({ id })),
          pickOfTheDay: () => ({ id: 'm1' }),
        },
      },
    },
  ],
  operations: [
    {
      name: 'key only',
      query: '{ picks { id } }',
      data: { picks: [{ id: 's1' }, { id: 'm2' }] },
    },
    {
      name: 'concrete typename from the owner',
      query: '{ picks { __typename id } }',
      data: {
        picks: [
          { __typename: 'Series', id: 's1' },
          { __typename: 'Movie', id: 'm2' },
        ],
      },
    },
    {
      name: 'owner fields and concrete fragments',
      query: '{ picks { title ... on Movie { director } } }',
      data: { picks: [{ title: 'Twin Peaks' }, { title: 'Heat', director: 'Michael Mann' }] },
    },
    {
      name: 'only a fragment of one implementation',
      // Whether the fragment applies depends on the concrete type, known only to catalog.
      query: '{ picks { ... on Series { seasons } } }',
      data: { picks: [{ seasons: 3 }, {}] },
    },
    {
      name: 'field of another interface object',
      query: '{ picks { id rating } }',
      data: {
        picks: [
          { id: 's1', rating: 9 },
          { id: 'm2', rating: null },
        ],
      },
    },
    {
      name: 'all three subgraphs',
      query: '{ pickOfTheDay { __typename title rating ... on Movie { director } } }',
      data: {
        pickOfTheDay: { __typename: 'Movie', title: 'Alien', rating: 8, director: 'Ridley Scott' },
      },
    },
  ],
};
