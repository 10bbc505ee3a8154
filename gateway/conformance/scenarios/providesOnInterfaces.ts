import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const media = [
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Scott' },
  { __typename: 'Series', id: 's1', title: 'Dark', seasons: 3 },
  { __typename: 'Movie', id: 'm2', title: 'Heat', director: 'Mann' },
];
const reviews = [
  { id: 'r1', mediaId: 'm1', body: 'Tense' },
  { id: 'r2', mediaId: 's1', body: 'Twisty' },
  { id: 'r3', mediaId: 'm2', body: 'Long' },
];

function mediaOf(id: string) {
  return media.find((m) => m.id === id)!;
}

/** What the reviews subgraph knows of a media: its type and key, and the title if asked. */
function reference(id: string, withTitle: (typename: string) => boolean) {
  const { __typename, title } = mediaOf(id);
  return withTitle(__typename) ? { __typename, id, title } : { __typename, id };
}

/**
 * @provides on fields whose type is an interface (`Media`, implemented by the entities
 * Movie and Series). `Review.media` provides `title` for both implementations, each by a
 * type condition: the plain `@provides(fields: "title")` does not compose in Federation 2
 * (an interface field cannot be @external, and a provided field must be);
 * `Review.featured` provides it only `... on Movie`, so a series' title must come from
 * the catalog; `Review.mediaLink` provides nothing. Where the reviews subgraph does not
 * provide a title its resolvers return only the type and key, so a gateway that asked it
 * would get null for a non-null field. Provided titles equal the catalog's.
 */
export const providesOnInterfaces: Scenario = {
  name: 'provides-on-interfaces',
  group: '@provides',
  description:
    'A @provides on interface-typed fields: for every implementation, for one implementation only (type condition), and fields of the implementations beyond it.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { allMedia: [Media!]! }
        interface Media { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") {
          id: ID!
          title: String! @shareable
          director: String!
        }
        type Series implements Media @key(fields: "id") {
          id: ID!
          title: String! @shareable
          seasons: Int!
        }`,
      resolvers: {
        Query: { allMedia: () => media },
        Movie: { __resolveReference: (ref: { id: string }) => mediaOf(ref.id) },
        Series: { __resolveReference: (ref: { id: string }) => mediaOf(ref.id) },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key', '@external', '@provides')}
        type Query { reviews: [Review!]! }
        interface Media { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! @external }
        type Series implements Media @key(fields: "id") { id: ID! title: String! @external }
        type Review {
          id: ID!
          body: String!
          media: Media! @provides(fields: "... on Movie { title } ... on Series { title }")
          featured: Media! @provides(fields: "... on Movie { title }")
          mediaLink: Media!
        }`,
      resolvers: {
        Query: { reviews: () => reviews },
        Review: {
          media: (review: { mediaId: string }) => reference(review.mediaId, () => true),
          featured: (review: { mediaId: string }) =>
            reference(review.mediaId, (typename) => typename === 'Movie'),
          mediaLink: (review: { mediaId: string }) => reference(review.mediaId, () => false),
        },
      },
    },
  ],
  operations: [
    {
      name: 'provided for every implementation',
      query: '{ reviews { id media { __typename id title } } }',
      data: {
        reviews: [
          { id: 'r1', media: { __typename: 'Movie', id: 'm1', title: 'Alien' } },
          { id: 'r2', media: { __typename: 'Series', id: 's1', title: 'Dark' } },
          { id: 'r3', media: { __typename: 'Movie', id: 'm2', title: 'Heat' } },
        ],
      },
    },
    {
      name: 'fields of the implementations beyond it',
      query:
        '{ reviews { id media { title ... on Movie { director } ... on Series { seasons } } } }',
      data: {
        reviews: [
          { id: 'r1', media: { title: 'Alien', director: 'Scott' } },
          { id: 'r2', media: { title: 'Dark', seasons: 3 } },
          { id: 'r3', media: { title: 'Heat', director: 'Mann' } },
        ],
      },
    },
    {
      // The series' title is not provided: it must come from the catalog.
      name: 'provided for one implementation',
      query: '{ reviews { id featured { __typename title } } }',
      data: {
        reviews: [
          { id: 'r1', featured: { __typename: 'Movie', title: 'Alien' } },
          { id: 'r2', featured: { __typename: 'Series', title: 'Dark' } },
          { id: 'r3', featured: { __typename: 'Movie', title: 'Heat' } },
        ],
      },
    },
    {
      name: 'the implementation not provided, by type condition',
      query: '{ reviews { featured { ... on Series { title seasons } ... on Movie { id } } } }',
      data: {
        reviews: [
          { featured: { id: 'm1' } },
          { featured: { title: 'Dark', seasons: 3 } },
          { featured: { id: 'm2' } },
        ],
      },
    },
    {
      name: 'a path without @provides',
      query: '{ reviews { id mediaLink { title } } }',
      data: {
        reviews: [
          { id: 'r1', mediaLink: { title: 'Alien' } },
          { id: 'r2', mediaLink: { title: 'Dark' } },
          { id: 'r3', mediaLink: { title: 'Heat' } },
        ],
      },
    },
    {
      name: 'the three paths side by side',
      query:
        '{ reviews { body media { title } featured { title } mediaLink { ... on Movie { title } } } }',
      data: {
        reviews: [
          {
            body: 'Tense',
            media: { title: 'Alien' },
            featured: { title: 'Alien' },
            mediaLink: { title: 'Alien' },
          },
          { body: 'Twisty', media: { title: 'Dark' }, featured: { title: 'Dark' }, mediaLink: {} },
          {
            body: 'Long',
            media: { title: 'Heat' },
            featured: { title: 'Heat' },
            mediaLink: { title: 'Heat' },
          },
        ],
      },
    },
  ],
};
