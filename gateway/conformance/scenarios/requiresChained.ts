import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', price: 100, weight: 20 },
  { upc: 'p2', name: 'Couch', price: 200, weight: 50 },
  { upc: 'p3', name: 'Chair', price: 50, weight: 5 },
];

/**
 * A chain of @requires across four subgraphs, each link requiring what the one before
 * computes: shipping's `shippingCost` requires products' `weight`; checkout's `total`
 * requires `price` and `shippingCost`; display's `summary` requires `name` and `total`.
 * The gateway must call them in that order, carrying each computed value on.
 *
 * | upc | price | weight | shippingCost (2 × weight) | total (price + cost) |
 * | p1  | 100   | 20     | 40                        | 140                  |
 * | p2  | 200   | 50     | 100                       | 300                  |
 * | p3  | 50    | 5      | 10                        | 60                   |
 */
export const requiresChained: Scenario = {
  name: 'requires-chained',
  group: '@requires',
  description:
    'A @requires on a field that is itself computed with @requires, three links deep across four subgraphs.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! product(upc: String!): Product }
        type Product @key(fields: "upc") { upc: String! name: String! price: Int! weight: Int! }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
        },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Product @key(fields: "upc") {
          upc: String!
          weight: Int! @external
          shippingCost: Int! @requires(fields: "weight")
        }`,
      resolvers: {
        Product: { shippingCost: (product: { weight: number }) => product.weight * 2 },
      },
    },
    {
      name: 'checkout',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Product @key(fields: "upc") {
          upc: String!
          price: Int! @external
          shippingCost: Int! @external
          total: Int! @requires(fields: "price shippingCost")
        }`,
      resolvers: {
        Product: {
          total: (product: { price: number; shippingCost: number }) =>
            product.price + product.shippingCost,
        },
      },
    },
    {
      name: 'display',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Product @key(fields: "upc") {
          upc: String!
          name: String! @external
          total: Int! @external
          summary: String! @requires(fields: "name total")
        }`,
      resolvers: {
        Product: {
          summary: (product: { name: string; total: number }) =>
            `${product.name}: ${product.total}`,
        },
      },
    },
  ],
  operations: [
    {
      name: 'two links',
      query: '{ product(upc: "p1") { total } }',
      data: { product: { total: 140 } },
    },
    {
      name: 'two links over a list',
      query: '{ products { upc total } }',
      data: {
        products: [
          { upc: 'p1', total: 140 },
          { upc: 'p2', total: 300 },
          { upc: 'p3', total: 60 },
        ],
      },
    },
    {
      name: 'three links',
      query: '{ products { summary } }',
      data: {
        products: [{ summary: 'Table: 140' }, { summary: 'Couch: 300' }, { summary: 'Chair: 60' }],
      },
    },
    {
      name: 'every link selected',
      query: '{ product(upc: "p2") { weight shippingCost price total name summary } }',
      data: {
        product: {
          weight: 50,
          shippingCost: 100,
          price: 200,
          total: 300,
          name: 'Couch',
          summary: 'Couch: 300',
        },
      },
    },
    {
      // The intermediate link is selected under an alias; the next link needs it unaliased.
      name: 'intermediate link aliased',
      query: '{ product(upc: "p3") { cost: shippingCost sum: total summary } }',
      data: { product: { cost: 10, sum: 60, summary: 'Chair: 60' } },
    },
    {
      name: 'entity not found',
      query: '{ product(upc: "p9") { summary } }',
      data: { product: null },
    },
  ],
};
