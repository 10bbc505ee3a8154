import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const media = [
  { __typename: 'Movie', id: 'm1', title: 'Alien' },
  { __typename: 'Series', id: 's1', title: 'Twin Peaks' },
  { __typename: 'Movie', id: 'm3', title: 'Dune' },
  { __typename: 'Series', id: 's2', title: 'The Expanse' },
];
const people = [
  { id: 'p1', name: 'David Lynch', knownFor: ['s1', 'm3'] },
  { id: 'p2', name: 'Sigourney Weaver', knownFor: ['m1'] },
];
/** The Expanse (s2) has no rating. */
const ratings = [
  { id: 'm1', rating: 8 },
  { id: 's1', rating: 9 },
  { id: 'm3', rating: 6 },
];

const findMedia = (ref: { id: string }) => media.find((m) => m.id === ref.id);

/**
 * `ratings` reaches Movie and Series only through the @interfaceObject `Media`: it
 * never names an implementation. The fields it adds are asked for through
 * `Person.knownFor` (a field of `catalog` that returns the interface, on an entity whose
 * root is a third subgraph), through concrete fragments, and from roots that return the
 * concrete types.
 */
export const interfaceObjectIndirect: Scenario = {
  name: 'interface-object-indirect',
  group: '@interfaceObject',
  description:
    'A subgraph extends implementations only through an @interfaceObject; its field is reached through a field returning the interface and through concrete types.',
  subgraphs: [
    {
      name: 'people',
      typeDefs: `${federation2('@key')}
        type Query { people: [Person!]! }
        type Person @key(fields: "id") { id: ID! name: String! }`,
      resolvers: {
        Query: { people: () => people },
        Person: {
          __resolveReference: (ref: { id: string }) => people.find((p) => p.id === ref.id),
        },
      },
    },
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { movie(id: ID!): Movie series: [Series!]! }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! }
        type Series implements Media @key(fields: "id") { id: ID! title: String! }
        type Person @key(fields: "id") { id: ID! knownFor: [Media!]! }`,
      resolvers: {
        Query: {
          movie: (_: unknown, { id }: { id: string }) =>
            media.find((m) => m.id === id && m.__typename === 'Movie'),
          series: () => media.filter((m) => m.__typename === 'Series'),
        },
        Media: { __resolveReference: findMedia },
        Movie: { __resolveReference: findMedia },
        Series: { __resolveReference: findMedia },
        Person: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          knownFor: (person: { id: string }) =>
            (people.find((p) => p.id === person.id)?.knownFor ?? []).map((id) => findMedia({ id })),
        },
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
  ],
  operations: [
    {
      name: 'through a field returning the interface',
      // people → catalog (Person.knownFor) → ratings (Media representations).
      query: '{ people { name knownFor { title rating } } }',
      data: {
        people: [
          {
            name: 'David Lynch',
            knownFor: [
              { title: 'Twin Peaks', rating: 9 },
              { title: 'Dune', rating: 6 },
            ],
          },
          { name: 'Sigourney Weaver', knownFor: [{ title: 'Alien', rating: 8 }] },
        ],
      },
    },
    {
      name: 'only in a concrete fragment',
      query: '{ people { knownFor { __typename ... on Movie { rating } } } }',
      data: {
        people: [
          { knownFor: [{ __typename: 'Series' }, { __typename: 'Movie', rating: 6 }] },
          { knownFor: [{ __typename: 'Movie', rating: 8 }] },
        ],
      },
    },
    {
      name: 'different fields per implementation',
      query: '{ people { knownFor { ... on Series { title rating } ... on Movie { title } } } }',
      data: {
        people: [
          { knownFor: [{ title: 'Twin Peaks', rating: 9 }, { title: 'Dune' }] },
          { knownFor: [{ title: 'Alien' }] },
        ],
      },
    },
    {
      name: 'from a root returning a concrete type',
      query: '{ movie(id: "m1") { title rating } }',
      data: { movie: { title: 'Alien', rating: 8 } },
    },
    {
      name: 'from a root returning a list of a concrete type',
      // The Expanse has no rating.
      query: '{ series { title rating } }',
      data: {
        series: [
          { title: 'Twin Peaks', rating: 9 },
          { title: 'The Expanse', rating: null },
        ],
      },
    },
  ],
};
