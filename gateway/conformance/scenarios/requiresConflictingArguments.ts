import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', price: { USD: 100, EUR: 90, GBP: 80 } },
  { upc: 'p2', name: 'Couch', price: { USD: 200, EUR: 180, GBP: 160 } },
];

type Product = (typeof products)[number];

/**
 * Two @requires of one subgraph ask for the same field with different arguments
 * (`price(currency: EUR)` and `price(currency: USD)`), and a third subgraph asks it with a
 * third (`price(currency: GBP)`). A representation carries one `price`, so a gateway that
 * merges the requirements into one entity call hands a subgraph the wrong price.
 */
export const requiresConflictingArguments: Scenario = {
  name: 'requires-conflicting-arguments',
  group: '@requires',
  description:
    'Two @requires of one subgraph, and a third in another, asking for the same field with different arguments, selected alone and together.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! product(upc: String!): Product }
        enum Currency { USD EUR GBP }
        type Product @key(fields: "upc") { upc: String! name: String! price(currency: Currency! = USD): Int! }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
          price: (product: Product, { currency }: { currency: 'USD' | 'EUR' | 'GBP' }) =>
            product.price[currency],
        },
      },
    },
    {
      name: 'labels',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        enum Currency { USD EUR GBP }
        type Product @key(fields: "upc") {
          upc: String!
          price(currency: Currency! = USD): Int! @external
          eurLabel: String! @requires(fields: "price(currency: EUR)")
          usdLabel: String! @requires(fields: "price(currency: USD)")
        }`,
      resolvers: {
        Product: {
          eurLabel: (product: { price: number }) => `${product.price} EUR`,
          usdLabel: (product: { price: number }) => `${product.price} USD`,
        },
      },
    },
    {
      name: 'uk',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        enum Currency { USD EUR GBP }
        type Product @key(fields: "upc") {
          upc: String!
          price(currency: Currency! = USD): Int! @external
          gbpLabel: String! @requires(fields: "price(currency: GBP)")
        }`,
      resolvers: {
        Product: { gbpLabel: (product: { price: number }) => `${product.price} GBP` },
      },
    },
  ],
  operations: [
    {
      name: 'first requirement alone',
      query: '{ product(upc: "p1") { eurLabel } }',
      data: { product: { eurLabel: '90 EUR' } },
    },
    {
      name: 'second requirement alone',
      query: '{ product(upc: "p1") { usdLabel } }',
      data: { product: { usdLabel: '100 USD' } },
    },
    {
      // One subgraph, two prices: each label must get its own.
      name: 'both requirements of one subgraph',
      query: '{ product(upc: "p2") { eurLabel usdLabel } }',
      data: { product: { eurLabel: '180 EUR', usdLabel: '200 USD' } },
    },
    {
      name: 'three requirements in two subgraphs, over a list',
      query: '{ products { eurLabel usdLabel gbpLabel } }',
      data: {
        products: [
          { eurLabel: '90 EUR', usdLabel: '100 USD', gbpLabel: '80 GBP' },
          { eurLabel: '180 EUR', usdLabel: '200 USD', gbpLabel: '160 GBP' },
        ],
      },
    },
    {
      // The client's own prices (GBP, and USD by default) join the conflict.
      name: 'requirements beside client copies of the field',
      query: '{ product(upc: "p1") { price pound: price(currency: GBP) eurLabel usdLabel } }',
      data: { product: { price: 100, pound: 80, eurLabel: '90 EUR', usdLabel: '100 USD' } },
    },
    {
      name: 'requiring fields aliased',
      query: '{ product(upc: "p2") { a: usdLabel b: eurLabel c: usdLabel } }',
      data: { product: { a: '200 USD', b: '180 EUR', c: '200 USD' } },
    },
  ],
};
