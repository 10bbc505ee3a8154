import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

// The Chair has no price, so its shipping estimate cannot be worked out.
const products = [
  { upc: 'p1', name: 'Table', price: 100, weight: 20 },
  { upc: 'p2', name: 'Couch', price: 200, weight: 50 },
  { upc: 'p3', name: 'Chair', price: null, weight: 5 },
];
const reviews = [
  { id: 'r1', upc: 'p2', body: 'Comfy' },
  { id: 'r2', upc: 'p1', body: 'Sturdy' },
];

/** Free shipping from 150, else 2 per unit of weight; refuses a product without a price. */
function estimateShipping(product: { price: number | null; weight: number }): number {
  if (product.price === null) throw new Error('Cannot estimate shipping without a price');
  return product.price >= 150 ? 0 : product.weight * 2;
}

/**
 * A field that requires two fields of another subgraph (shipping's `shippingEstimate`
 * needs products' `price` and `weight`): reached from a root field, through a third
 * subgraph, beside aliased or excluded copies of the required fields, and with a
 * required value that is null.
 */
export const requiresPlain: Scenario = {
  name: 'requires-plain',
  group: '@requires',
  description:
    'A field requiring two fields of another subgraph, from a root field and through a third subgraph, beside aliased or skipped copies of what it requires.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! product(upc: String!): Product }
        type Product @key(fields: "upc") { upc: String! name: String! price: Int weight: Int! }`,
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
          price: Int @external
          weight: Int! @external
          shippingEstimate: Int @requires(fields: "price weight")
        }`,
      resolvers: {
        Product: {
          shippingEstimate: (product: { price: number | null; weight: number }) =>
            estimateShipping(product),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key')}
        type Query { reviews: [Review!]! }
        type Review @key(fields: "id") { id: ID! body: String! product: Product! }
        type Product @key(fields: "upc", resolvable: false) { upc: String! }`,
      resolvers: {
        Query: { reviews: () => reviews },
        Review: { product: (review: { upc: string }) => ({ upc: review.upc }) },
      },
    },
  ],
  operations: [
    {
      // The required price and weight are fetched for shipping but never shown.
      name: 'requiring field alone',
      query: '{ product(upc: "p1") { shippingEstimate } }',
      data: { product: { shippingEstimate: 40 } },
    },
    {
      name: 'required fields selected too',
      query: '{ product(upc: "p2") { name price weight shippingEstimate } }',
      data: { product: { name: 'Couch', price: 200, weight: 50, shippingEstimate: 0 } },
    },
    {
      // The Chair's price is null: shipping receives it and throws, so only its estimate
      // is null, with an error at the estimate's own path in the response.
      name: 'list, one required value null',
      query: '{ products { name shippingEstimate } }',
      data: {
        products: [
          { name: 'Table', shippingEstimate: 40 },
          { name: 'Couch', shippingEstimate: 0 },
          { name: 'Chair', shippingEstimate: null },
        ],
      },
      errorPaths: [['products', 2, 'shippingEstimate']],
    },
    {
      // The client's alias of price must not stand in for the unaliased price shipping needs.
      name: 'aliased required field',
      query: '{ product(upc: "p1") { cost: shippingEstimate amount: price } }',
      data: { product: { cost: 40, amount: 100 } },
    },
    {
      // @include(if: false) drops the client's price, not the one shipping requires.
      name: 'required field excluded by @include',
      query:
        'query ($show: Boolean!) { product(upc: "p1") { price @include(if: $show) shippingEstimate } }',
      variables: { show: false },
      data: { product: { shippingEstimate: 40 } },
    },
    {
      name: 'requiring field skipped',
      query:
        'query ($skip: Boolean!) { product(upc: "p2") { name shippingEstimate @skip(if: $skip) } }',
      variables: { skip: true },
      data: { product: { name: 'Couch' } },
    },
    {
      // reviews knows only the upc: products must be called for price and weight before shipping.
      name: 'through a third subgraph',
      query: '{ reviews { body product { shippingEstimate } } }',
      data: {
        reviews: [
          { body: 'Comfy', product: { shippingEstimate: 0 } },
          { body: 'Sturdy', product: { shippingEstimate: 40 } },
        ],
      },
    },
    {
      name: 'entity not found',
      query: '{ product(upc: "p9") { shippingEstimate } }',
      data: { product: null },
    },
  ],
};
