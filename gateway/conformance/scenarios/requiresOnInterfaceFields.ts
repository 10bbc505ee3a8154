import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const media = [
  { id: 'm1', kind: 'Movie', title: 'Alien', runtime: 117 },
  { id: 's1', kind: 'Show', title: 'Dark', seasons: 3 },
  { id: 'm2', kind: 'Movie', title: 'Heat', runtime: 170 },
];
const topRated = ['s1', 'm2'];

function findMedia(id: string) {
  return media.find((m) => m.id === id);
}

/**
 * @requires on interface fields. Federation 2 refuses @requires on a field of an
 * interface ("@requires is not yet supported within interfaces"), so the two shapes
 * closest to it: an @interfaceObject whose field requires a field of the entity interface
 * (ratings' `Media.slug` requires `title`), and an interface field that every
 * implementation computes with its own @requires (guide's `blurb`: a Movie requires
 * `runtime`, a Show `seasons`). Media are reached from the interface's own subgraph and
 * from the @interfaceObject's root field, which knows only ids.
 */
export const requiresOnInterfaceFields: Scenario = {
  name: 'requires-on-interface-fields',
  group: '@requires',
  description:
    'An @interfaceObject field requiring a field of the entity interface, and an interface field each implementation computes with a different @requires.',
  subgraphs: [
    {
      name: 'media',
      typeDefs: `${federation2('@key')}
        type Query { media: [Media!]! }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! runtime: Int! }
        type Show implements Media @key(fields: "id") { id: ID! title: String! seasons: Int! }`,
      resolvers: {
        Query: { media: () => media },
        Media: {
          __resolveType: (m: { kind: string }) => m.kind,
          __resolveReference: (ref: { id: string }) => findMedia(ref.id),
        },
        Movie: { __resolveReference: (ref: { id: string }) => findMedia(ref.id) },
        Show: { __resolveReference: (ref: { id: string }) => findMedia(ref.id) },
      },
    },
    {
      name: 'ratings',
      typeDefs: `${federation2('@key', '@interfaceObject', '@external', '@requires')}
        type Query { topRated: [Media!]! }
        type Media @key(fields: "id") @interfaceObject {
          id: ID!
          title: String! @external
          slug: String! @requires(fields: "title")
        }`,
      resolvers: {
        Query: { topRated: () => topRated.map((id) => ({ id })) },
        Media: {
          slug: (m: { id: string; title: string }) => `${m.title.toLowerCase()}-${m.id}`,
        },
      },
    },
    {
      name: 'guide',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        interface Media @key(fields: "id") { id: ID! blurb: String! }
        type Movie implements Media @key(fields: "id") {
          id: ID!
          title: String! @external
          runtime: Int! @external
          blurb: String! @requires(fields: "title runtime")
        }
        type Show implements Media @key(fields: "id") {
          id: ID!
          title: String! @external
          seasons: Int! @external
          blurb: String! @requires(fields: "title seasons")
        }`,
      resolvers: {
        Media: {
          __resolveReference: (ref: { id: string }) => ref,
        },
        Movie: {
          blurb: (m: { title: string; runtime: number }) => `${m.title} (${m.runtime} min)`,
        },
        Show: {
          blurb: (m: { title: string; seasons: number }) => `${m.title} (${m.seasons} seasons)`,
        },
      },
    },
  ],
  operations: [
    {
      name: '@interfaceObject field requiring an interface field',
      query: '{ media { slug } }',
      data: { media: [{ slug: 'alien-m1' }, { slug: 'dark-s1' }, { slug: 'heat-m2' }] },
    },
    {
      name: 'required interface field selected too',
      query: '{ media { id title slug } }',
      data: {
        media: [
          { id: 'm1', title: 'Alien', slug: 'alien-m1' },
          { id: 's1', title: 'Dark', slug: 'dark-s1' },
          { id: 'm2', title: 'Heat', slug: 'heat-m2' },
        ],
      },
    },
    {
      // Each implementation requires different fields: the Show's blurb needs seasons.
      name: 'interface field with a requirement per implementation',
      query: '{ media { blurb } }',
      data: {
        media: [
          { blurb: 'Alien (117 min)' },
          { blurb: 'Dark (3 seasons)' },
          { blurb: 'Heat (170 min)' },
        ],
      },
    },
    {
      name: "requiring field in one implementation's fragment",
      query: '{ media { id ... on Movie { blurb } ... on Show { seasons } } }',
      data: {
        media: [
          { id: 'm1', blurb: 'Alien (117 min)' },
          { id: 's1', seasons: 3 },
          { id: 'm2', blurb: 'Heat (170 min)' },
        ],
      },
    },
    {
      // topRated gives ids only: media must tell the concrete type and the title.
      name: "from the @interfaceObject's root field",
      query: '{ topRated { __typename title slug } }',
      data: {
        topRated: [
          { __typename: 'Show', title: 'Dark', slug: 'dark-s1' },
          { __typename: 'Movie', title: 'Heat', slug: 'heat-m2' },
        ],
      },
    },
    {
      name: "per-implementation requirements from the @interfaceObject's root field",
      query: '{ topRated { blurb } }',
      data: { topRated: [{ blurb: 'Dark (3 seasons)' }, { blurb: 'Heat (170 min)' }] },
    },
    {
      name: 'both kinds of requirement together',
      query: '{ media { __typename slug blurb } }',
      data: {
        media: [
          { __typename: 'Movie', slug: 'alien-m1', blurb: 'Alien (117 min)' },
          { __typename: 'Show', slug: 'dark-s1', blurb: 'Dark (3 seasons)' },
          { __typename: 'Movie', slug: 'heat-m2', blurb: 'Heat (170 min)' },
        ],
      },
    },
  ],
};
