import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const films = [
  { id: 'm1', title: 'Alien' },
  { id: 'm2', title: 'Heat' },
];
const library = [
  { __typename: 'Movie', id: 'm1', rating: 8 },
  { __typename: 'Series', id: 's1', rating: 7, seasons: 3 },
  { __typename: 'Movie', id: 'm2', rating: 9 },
];
const reviewCounts: Record<string, number> = { m1: 2, s1: 1, m2: 0 };
/** What the films subgraph still answers for `Movie.rating`: stale on purpose. */
const STALE_RATING = 0;

function mediaOf(id: string) {
  return library.find((m) => m.id === id) ?? null;
}

/**
 * `Movie.rating` moves by @override from films, where Movie is a plain entity, to media,
 * where Movie implements the entity interface `Media { id rating }`; a third subgraph adds
 * `reviewCount` to every Media through @interfaceObject. Overriding onto the interface
 * itself does not compose in Federation 2 (@override is refused on interface fields and on
 * @interfaceObject fields), so this is the closest shape that does: the field leaves a type
 * and lands where an interface declares it. Ratings must all be media's; films' copy is
 * stale (0).
 */
export const overrideTypeToInterface: Scenario = {
  name: 'override-type-to-interface',
  group: '@override',
  description:
    'A field moved by @override from a plain entity type to the same type implementing an entity interface that declares it, with an @interfaceObject subgraph alongside.',
  subgraphs: [
    {
      name: 'films',
      typeDefs: `${federation2('@key')}
        type Query { films: [Movie!]! }
        type Movie @key(fields: "id") { id: ID! title: String! rating: Int! }`,
      resolvers: {
        Query: { films: () => films },
        Movie: {
          __resolveReference: (ref: { id: string }) => films.find((f) => f.id === ref.id),
          rating: () => STALE_RATING,
        },
      },
    },
    {
      name: 'media',
      typeDefs: `${federation2('@key', '@override')}
        type Query { library: [Media!]! media(id: ID!): Media }
        interface Media @key(fields: "id") { id: ID! rating: Int! }
        type Movie implements Media @key(fields: "id") {
          id: ID!
          rating: Int! @override(from: "films")
        }
        type Series implements Media @key(fields: "id") { id: ID! rating: Int! seasons: Int! }`,
      resolvers: {
        Query: {
          library: () => library,
          media: (_: unknown, { id }: { id: string }) => mediaOf(id),
        },
        Media: { __resolveReference: (ref: { id: string }) => mediaOf(ref.id) },
        Movie: { __resolveReference: (ref: { id: string }) => mediaOf(ref.id) },
        Series: { __resolveReference: (ref: { id: string }) => mediaOf(ref.id) },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key', '@interfaceObject')}
        type Query { mostReviewed: Media! }
        type Media @key(fields: "id") @interfaceObject { id: ID! reviewCount: Int! }`,
      resolvers: {
        Query: { mostReviewed: () => ({ id: 'm1' }) },
        Media: {
          __resolveReference: (ref: { id: string }) => ref,
          reviewCount: (media: { id: string }) => reviewCounts[media.id],
        },
      },
    },
  ],
  operations: [
    {
      name: 'from the type the field left',
      query: '{ films { id title rating } }',
      data: {
        films: [
          { id: 'm1', title: 'Alien', rating: 8 },
          { id: 'm2', title: 'Heat', rating: 9 },
        ],
      },
    },
    {
      name: 'through the interface',
      query: '{ library { __typename id rating } }',
      data: {
        library: [
          { __typename: 'Movie', id: 'm1', rating: 8 },
          { __typename: 'Series', id: 's1', rating: 7 },
          { __typename: 'Movie', id: 'm2', rating: 9 },
        ],
      },
    },
    {
      name: 'through the interface, back to the old subgraph',
      query: '{ library { rating ... on Movie { title } ... on Series { seasons } } }',
      data: {
        library: [
          { rating: 8, title: 'Alien' },
          { rating: 7, seasons: 3 },
          { rating: 9, title: 'Heat' },
        ],
      },
    },
    {
      name: 'from the old subgraph to the interface object',
      query: '{ films { title rating reviewCount } }',
      data: {
        films: [
          { title: 'Alien', rating: 8, reviewCount: 2 },
          { title: 'Heat', rating: 9, reviewCount: 0 },
        ],
      },
    },
    {
      // The interface object knows no concrete type: media must tell it's a Movie.
      name: 'from the interface object',
      query: '{ mostReviewed { __typename id rating reviewCount ... on Movie { title } } }',
      data: {
        mostReviewed: { __typename: 'Movie', id: 'm1', rating: 8, reviewCount: 2, title: 'Alien' },
      },
    },
    {
      name: 'one media by id',
      query: '{ media(id: "m2") { rating reviewCount ... on Movie { title } } }',
      data: { media: { rating: 9, reviewCount: 0, title: 'Heat' } },
    },
  ],
};
