import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', package: { kind: 'Box', weight: 10, width: 2, height: 3 } },
  { upc: 'p2', name: 'Poster', package: { kind: 'Tube', weight: 1, radius: 1, length: 5 } },
  { upc: 'p3', name: 'Lamp', package: { kind: 'Box', weight: 7, width: 4, height: 4 } },
];

/** The package as shipping receives it: only the fields its field set selected. */
interface RequiredPackage {
  weight?: number;
  width?: number;
  height?: number;
  radius?: number;
  length?: number;
}

/**
 * Reads what the representation carries rather than its `__typename`, so a gateway that
 * drops a fragment's fields shows as UNKNOWN instead of passing by luck.
 */
function shippingClass({ package: box }: { package: RequiredPackage }): string {
  if (box.width !== undefined) return `BOX ${box.width}x${box.height} ${box.weight}kg`;
  if (box.radius !== undefined) return `TUBE r${box.radius} l${box.length} ${box.weight}kg`;
  return 'UNKNOWN';
}

/**
 * @requires whose field sets select through an interface with inline fragments: one with
 * a fragment per implementation (`package { weight ... on Box { ... } ... on Tube { ... } }`)
 * and one with a fragment on a single implementation, so a Tube gets nothing. The client
 * selects the same interface with its own fragments, and the requiring fields through
 * inline and named fragments.
 */
export const requiresWithFragments: Scenario = {
  name: 'requires-with-fragments',
  group: '@requires',
  description:
    "Field sets with inline fragments on an interface's implementations, beside client fragments on the same interface and requiring fields selected through fragments.",
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { products: [Product!]! product(upc: String!): Product }
        type Product @key(fields: "upc") { upc: String! name: String! package: Package! }
        interface Package { weight: Int! }
        type Box implements Package @shareable { weight: Int! width: Int! height: Int! }
        type Tube implements Package @shareable { weight: Int! radius: Int! length: Int! }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
        },
        Package: { __resolveType: (box: { kind: string }) => box.kind },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federation2('@key', '@shareable', '@external', '@requires')}
        type Product @key(fields: "upc") {
          upc: String!
          package: Package! @external
          shippingClass: String!
            @requires(fields: "package { weight ... on Box { width height } ... on Tube { radius length } }")
          boxArea: Int @requires(fields: "package { ... on Box { width height } }")
        }
        interface Package { weight: Int! }
        type Box implements Package @shareable { weight: Int! width: Int! height: Int! }
        type Tube implements Package @shareable { weight: Int! radius: Int! length: Int! }`,
      resolvers: {
        Product: {
          shippingClass,
          // Null for a Tube: its fragment selected nothing.
          boxArea: ({ package: box }: { package: RequiredPackage }) =>
            box.width === undefined ? null : box.width * box.height!,
        },
      },
    },
  ],
  operations: [
    {
      name: 'a fragment per implementation',
      query: '{ products { shippingClass } }',
      data: {
        products: [
          { shippingClass: 'BOX 2x3 10kg' },
          { shippingClass: 'TUBE r1 l5 1kg' },
          { shippingClass: 'BOX 4x4 7kg' },
        ],
      },
    },
    {
      name: 'a fragment on one implementation',
      query: '{ products { name boxArea } }',
      data: {
        products: [
          { name: 'Table', boxArea: 6 },
          { name: 'Poster', boxArea: null },
          { name: 'Lamp', boxArea: 16 },
        ],
      },
    },
    {
      // The client selects less of the package than shipping needs: its answer keeps
      // only what it asked for.
      name: 'client selects part of the required package',
      query:
        '{ product(upc: "p1") { package { weight ... on Tube { radius } } shippingClass boxArea } }',
      data: { product: { package: { weight: 10 }, shippingClass: 'BOX 2x3 10kg', boxArea: 6 } },
    },
    {
      name: 'client fragment that does not apply',
      query: '{ product(upc: "p2") { package { __typename ... on Box { width } } shippingClass } }',
      data: { product: { package: { __typename: 'Tube' }, shippingClass: 'TUBE r1 l5 1kg' } },
    },
    {
      name: 'requiring fields in inline and named fragments',
      query:
        '{ product(upc: "p3") { ... on Product { shippingClass } ...Area } } fragment Area on Product { name boxArea }',
      data: { product: { shippingClass: 'BOX 4x4 7kg', name: 'Lamp', boxArea: 16 } },
    },
    {
      // The alias must not take the place of the package shipping needs.
      name: 'client aliases the required field',
      query: '{ product(upc: "p2") { box: package { weight } shippingClass } }',
      data: { product: { box: { weight: 1 }, shippingClass: 'TUBE r1 l5 1kg' } },
    },
  ],
};
