import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', price: 100 },
  { upc: 'p2', name: 'Couch', price: 200 },
  { upc: 'p3', name: 'Chair', price: 50 },
];
const reviews = [
  { id: 'r1', upc: 'p2', body: 'Comfy' },
  { id: 'r2', upc: 'p1', body: 'Sturdy' },
];

function productOf(upc: string) {
  return products.find((p) => p.upc === upc) ?? null;
}

/**
 * A migration away from a subgraph that is down. `legacy` is composed but never started;
 * catalog took `Query.product`, `Product.name` and `Product.price` from it by @override,
 * and reviews computes `priceLabel` from the price through @requires. Everything legacy
 * no longer owns must be answered without calling it; what it still owns
 * (`Query.legacyProducts`, `Product.legacyCode`, both nullable) is null with an error.
 * Where those errors sit is each gateway's choice (a failed fetch, not a field error), so
 * no path is fixed.
 */
export const overrideUnavailable: Scenario = {
  name: 'override-from-unavailable-subgraph',
  group: '@override',
  description:
    'Fields and a root field moved by @override away from a subgraph that is down are still answered; the fields it still owns fail alone.',
  subgraphs: [
    {
      name: 'legacy',
      unavailable: true,
      typeDefs: `${federation2('@key')}
        type Query { product(upc: ID!): Product legacyProducts: [Product!] }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
          legacyCode: String
        }`,
      resolvers: {},
    },
    {
      name: 'catalog',
      typeDefs: `${federation2('@key', '@override')}
        type Query {
          products: [Product!]!
          product(upc: ID!): Product @override(from: "legacy")
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @override(from: "legacy")
          price: Int! @override(from: "legacy")
        }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => productOf(upc),
        },
        Product: { __resolveReference: (ref: { upc: string }) => productOf(ref.upc) },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Query { latestReviews: [Review!]! }
        type Review { id: ID! body: String! product: Product! }
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int! @external
          priceLabel: String! @requires(fields: "price")
          reviews: [Review!]!
        }`,
      resolvers: {
        Query: { latestReviews: () => reviews },
        Review: { product: (review: { upc: string }) => ({ upc: review.upc }) },
        Product: {
          __resolveReference: (ref: { upc: string; price?: number }) => ref,
          priceLabel: (product: { price: number }) => `$${product.price}`,
          reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
        },
      },
    },
  ],
  operations: [
    {
      name: 'moved fields',
      query: '{ products { upc name price } }',
      data: { products: products },
    },
    {
      name: 'moved root field',
      query: '{ product(upc: "p2") { upc name price } }',
      data: { product: { upc: 'p2', name: 'Couch', price: 200 } },
    },
    {
      name: 'moved field required elsewhere',
      query: '{ products { name priceLabel reviews { body } } }',
      data: {
        products: [
          { name: 'Table', priceLabel: '$100', reviews: [{ body: 'Sturdy' }] },
          { name: 'Couch', priceLabel: '$200', reviews: [{ body: 'Comfy' }] },
          { name: 'Chair', priceLabel: '$50', reviews: [] },
        ],
      },
    },
    {
      name: 'moved fields from another subgraph',
      query: '{ latestReviews { body product { upc name priceLabel } } }',
      data: {
        latestReviews: [
          { body: 'Comfy', product: { upc: 'p2', name: 'Couch', priceLabel: '$200' } },
          { body: 'Sturdy', product: { upc: 'p1', name: 'Table', priceLabel: '$100' } },
        ],
      },
    },
    {
      // legacyCode is nullable: the failed fetch nulls it and nothing else.
      name: 'a field it still owns',
      query: '{ products { upc name legacyCode } }',
      data: {
        products: [
          { upc: 'p1', name: 'Table', legacyCode: null },
          { upc: 'p2', name: 'Couch', legacyCode: null },
          { upc: 'p3', name: 'Chair', legacyCode: null },
        ],
      },
      errors: true,
    },
    {
      name: 'a root field it still owns',
      query: '{ legacyProducts { upc } }',
      data: { legacyProducts: null },
      errors: true,
    },
    {
      // The root fields are fetched apart: one failing leaves the other whole.
      name: 'a root field it still owns beside a moved one',
      query: '{ legacyProducts { upc } product(upc: "p3") { name price } }',
      data: { legacyProducts: null, product: { name: 'Chair', price: 50 } },
      errors: true,
    },
  ],
};
