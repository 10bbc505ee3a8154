import type { Scenario } from '../scenario.ts';

const users = [
  { id: 'u1', username: '@ada' },
  { id: 'u2', username: '@alan' },
];
const products = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100 },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: 'p3', name: 'Chair', price: 54, weight: 50 },
];
const inStock: Record<string, boolean> = { p1: true, p2: false, p3: true };
const reviews = [
  { id: 'r1', authorId: 'u1', upc: 'p1', body: 'Love it!' },
  { id: 'r2', authorId: 'u1', upc: 'p2', body: 'Too expensive.' },
  { id: 'r3', authorId: 'u2', upc: 'p3', body: 'Could be better.' },
  { id: 'r4', authorId: 'u2', upc: 'p1', body: 'Prefer something else.' },
];

/** Free above 1000, else half the weight: needs `price` and `weight` from `products`. */
const shippingEstimate = (product: { price: number; weight: number }) =>
  product.price > 1000 ? 0 : product.weight / 2;

/**
 * Apollo's classic demo in Federation 1 SDL: no `@link`, `extend type Query`,
 * `extend type X @key(...)` with `@external` key fields, `@requires` on `@external`
 * fields, and `@provides` of an `@external` field. Composition upgrades the subgraphs
 * to Federation 2; the answers are those the data calls for.
 */
export const federation1Extends: Scenario = {
  name: 'federation1-extends',
  group: 'Federation 1',
  description:
    'Federation 1 subgraphs: extended entities with @external keys, @requires and @provides on @external fields, extend type Query.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: `
        extend type Query { me: User }
        type User @key(fields: "id") { id: ID! username: String }`,
      resolvers: {
        Query: { me: () => users[0] },
        User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) },
      },
    },
    {
      name: 'products',
      typeDefs: `
        extend type Query { topProducts(first: Int = 5): [Product] }
        type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
      resolvers: {
        Query: {
          topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
        },
      },
    },
    {
      name: 'inventory',
      typeDefs: `
        extend type Product @key(fields: "upc") {
          upc: String! @external
          price: Int @external
          weight: Int @external
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
        }`,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
          inStock: (product: { upc: string }) => inStock[product.upc],
          shippingEstimate,
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: `
        type Review @key(fields: "id") {
          id: ID!
          body: String
          author: User @provides(fields: "username")
          product: Product
        }
        extend type User @key(fields: "id") {
          id: ID! @external
          username: String @external
          reviews: [Review]
        }
        extend type Product @key(fields: "upc") {
          upc: String! @external
          reviews: [Review]
        }`,
      resolvers: {
        Review: {
          // The provided username is the same as `accounts`' one, so the answer does not
          // depend on whether the planner uses @provides.
          author: (review: { authorId: string }) => users.find((u) => u.id === review.authorId),
          product: (review: { upc: string }) => ({ upc: review.upc }),
        },
        User: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
          reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
        },
      },
    },
  ],
  operations: [
    {
      name: 'extended root field',
      query: '{ topProducts { upc name price } }',
      data: {
        topProducts: [
          { upc: 'p1', name: 'Table', price: 899 },
          { upc: 'p2', name: 'Couch', price: 1299 },
          { upc: 'p3', name: 'Chair', price: 54 },
        ],
      },
    },
    {
      // Table 100/2, Couch over 1000 so free, Chair 50/2.
      name: 'extended entity with @requires on @external fields',
      query: '{ topProducts { name inStock shippingEstimate } }',
      data: {
        topProducts: [
          { name: 'Table', inStock: true, shippingEstimate: 50 },
          { name: 'Couch', inStock: false, shippingEstimate: 0 },
          { name: 'Chair', inStock: true, shippingEstimate: 25 },
        ],
      },
    },
    {
      name: 'extended entity with an @external key',
      query: '{ me { username reviews { body product { name } } } }',
      data: {
        me: {
          username: '@ada',
          reviews: [
            { body: 'Love it!', product: { name: 'Table' } },
            { body: 'Too expensive.', product: { name: 'Couch' } },
          ],
        },
      },
    },
    {
      name: '@provides of an @external field',
      query: '{ topProducts(first: 1) { reviews { body author { id username } } } }',
      data: {
        topProducts: [
          {
            reviews: [
              { body: 'Love it!', author: { id: 'u1', username: '@ada' } },
              { body: 'Prefer something else.', author: { id: 'u2', username: '@alan' } },
            ],
          },
        ],
      },
    },
    {
      // From `reviews` to `inventory` through the products' keys alone.
      name: 'between two extending subgraphs',
      query: '{ me { id reviews { product { upc inStock shippingEstimate } } } }',
      data: {
        me: {
          id: 'u1',
          reviews: [
            { product: { upc: 'p1', inStock: true, shippingEstimate: 50 } },
            { product: { upc: 'p2', inStock: false, shippingEstimate: 0 } },
          ],
        },
      },
    },
  ],
};
