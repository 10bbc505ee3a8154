import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

/** Heat's running time is unknown (null), and it has no rating. */
const media = [
  { __typename: 'Movie', id: 'm1', title: 'Alien', durationMinutes: 117 },
  { __typename: 'Series', id: 's1', title: 'Twin Peaks', durationMinutes: 47 },
  { __typename: 'Movie', id: 'm2', title: 'Heat', durationMinutes: null },
];
const ratings = [
  { id: 's1', rating: 9 },
  { id: 'm1', rating: 8 },
];

const ratingOf = (id: string) => ratings.find((r) => r.id === id)?.rating ?? null;

interface RatedMedia {
  id: string;
  title?: string;
  durationMinutes?: number | null;
}

/**
 * An @interfaceObject's fields that @require fields of the interface its owner resolves:
 * the gateway must fetch `title` and `durationMinutes` from `catalog` (for any
 * implementation) and send them in the `Media` representation to `ratings`, including
 * when the objects came from `ratings` in the first place.
 */
export const interfaceObjectWithRequires: Scenario = {
  name: 'interface-object-with-requires',
  group: '@interfaceObject',
  description:
    "Fields of an @interfaceObject that @require the owner's interface fields, reached from the owner, from the interface object's own root and from a concrete type.",
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { allMedia: [Media!]! movie(id: ID!): Movie }
        interface Media @key(fields: "id") { id: ID! title: String! durationMinutes: Int }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! durationMinutes: Int }
        type Series implements Media @key(fields: "id") { id: ID! title: String! durationMinutes: Int }`,
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
      typeDefs: `${federation2('@key', '@interfaceObject', '@external', '@requires')}
        type Query { topRated: [Media!]! }
        type Media @key(fields: "id") @interfaceObject {
          id: ID!
          title: String! @external
          durationMinutes: Int @external
          rating: Int
          headline: String! @requires(fields: "title")
          bingeScore: Int @requires(fields: "durationMinutes")
        }`,
      resolvers: {
        Query: { topRated: () => ratings.map((r) => ({ id: r.id })) },
        Media: {
          __resolveReference: (ref: RatedMedia) => ref,
          rating: (m: RatedMedia) => ratingOf(m.id),
          headline: (m: RatedMedia) => {
            const rating = ratingOf(m.id);
            return `${m.title} (${rating === null ? 'unrated' : `${rating}/10`})`;
          },
          bingeScore: (m: RatedMedia) => {
            const rating = ratingOf(m.id);
            if (rating === null || m.durationMinutes == null) return null;
            return Math.round((m.durationMinutes * rating) / 60);
          },
        },
      },
    },
  ],
  operations: [
    {
      name: 'requires a field of the interface',
      query: '{ allMedia { headline } }',
      data: {
        allMedia: [
          { headline: 'Alien (8/10)' },
          { headline: 'Twin Peaks (9/10)' },
          { headline: 'Heat (unrated)' },
        ],
      },
    },
    {
      name: 'requires a nullable field',
      // Alien: 117 × 8 / 60 = 15.6 → 16; Twin Peaks: 47 × 9 / 60 = 7.05 → 7; Heat has
      // neither a running time nor a rating.
      query: '{ allMedia { title bingeScore } }',
      data: {
        allMedia: [
          { title: 'Alien', bingeScore: 16 },
          { title: 'Twin Peaks', bingeScore: 7 },
          { title: 'Heat', bingeScore: null },
        ],
      },
    },
    {
      name: 'requires from the interface object root',
      // topRated → catalog (Media by id, for title and durationMinutes) → ratings again.
      query: '{ topRated { headline bingeScore } }',
      data: {
        topRated: [
          { headline: 'Twin Peaks (9/10)', bingeScore: 7 },
          { headline: 'Alien (8/10)', bingeScore: 16 },
        ],
      },
    },
    {
      name: 'requires on a concrete type',
      query: '{ movie(id: "m2") { headline bingeScore } alien: movie(id: "m1") { bingeScore } }',
      data: { movie: { headline: 'Heat (unrated)', bingeScore: null }, alien: { bingeScore: 16 } },
    },
    {
      name: 'requires inside concrete fragments',
      query: '{ topRated { ... on Series { headline } ... on Movie { title durationMinutes } } }',
      data: {
        topRated: [{ headline: 'Twin Peaks (9/10)' }, { title: 'Alien', durationMinutes: 117 }],
      },
    },
  ],
};
