import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', basePrice: 100 },
  { upc: 'p2', name: 'Couch', basePrice: 200 },
  { upc: 'p3', name: 'Chair', basePrice: 50 },
];
const deals = ['p2', 'p3'];

/** 20% off from 150, else 10 off. */
function discountFor(basePrice: number): number {
  return basePrice >= 150 ? basePrice / 5 : 10;
}

/**
 * Two subgraphs requiring from each other, back and forth on one entity: catalog's
 * `finalPrice` requires promotions' `discount`, which requires catalog's `basePrice`, and
 * promotions' `promoLabel` requires catalog's `name` and `finalPrice`. A full chain is
 * catalog → promotions → catalog → promotions.
 *
 * | upc | basePrice | discount | finalPrice | promoLabel      |
 * | p1  | 100       | 10       | 90         | Table now 90    |
 * | p2  | 200       | 40       | 160        | Couch now 160   |
 * | p3  | 50        | 10       | 40         | Chair now 40    |
 */
export const requiresCircular: Scenario = {
  name: 'requires-circular',
  group: '@requires',
  description:
    "Two subgraphs requiring fields from each other on the same entity, alternating up to four calls, from either side's root field.",
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Query { products: [Product!]! product(upc: String!): Product }
        type Product @key(fields: "upc") {
          upc: String!
          name: String!
          basePrice: Int!
          discount: Int! @external
          finalPrice: Int! @requires(fields: "discount")
        }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          // Keep the representation's discount beside the stored fields.
          __resolveReference: (ref: { upc: string }) => ({
            ...products.find((p) => p.upc === ref.upc),
            ...ref,
          }),
          finalPrice: (product: { basePrice: number; discount: number }) =>
            product.basePrice - product.discount,
        },
      },
    },
    {
      name: 'promotions',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        type Query { deals: [Product!]! }
        type Product @key(fields: "upc") {
          upc: String!
          name: String! @external
          basePrice: Int! @external
          finalPrice: Int! @external
          discount: Int! @requires(fields: "basePrice")
          promoLabel: String! @requires(fields: "name finalPrice")
        }`,
      resolvers: {
        Query: { deals: () => deals.map((upc) => ({ upc })) },
        Product: {
          discount: (product: { basePrice: number }) => discountFor(product.basePrice),
          promoLabel: (product: { name: string; finalPrice: number }) =>
            `${product.name} now ${product.finalPrice}`,
        },
      },
    },
  ],
  operations: [
    {
      name: 'there and back',
      query: '{ products { name finalPrice } }',
      data: {
        products: [
          { name: 'Table', finalPrice: 90 },
          { name: 'Couch', finalPrice: 160 },
          { name: 'Chair', finalPrice: 40 },
        ],
      },
    },
    {
      name: 'there, back and there again',
      query: '{ products { promoLabel } }',
      data: {
        products: [
          { promoLabel: 'Table now 90' },
          { promoLabel: 'Couch now 160' },
          { promoLabel: 'Chair now 40' },
        ],
      },
    },
    {
      // deals knows only upcs: catalog must give basePrice before promotions can discount.
      name: 'from the other side',
      query: '{ deals { name discount } }',
      data: {
        deals: [
          { name: 'Couch', discount: 40 },
          { name: 'Chair', discount: 10 },
        ],
      },
    },
    {
      name: 'from the other side, full circle',
      query: '{ deals { upc finalPrice promoLabel } }',
      data: {
        deals: [
          { upc: 'p2', finalPrice: 160, promoLabel: 'Couch now 160' },
          { upc: 'p3', finalPrice: 40, promoLabel: 'Chair now 40' },
        ],
      },
    },
    {
      name: 'every field of the circle',
      query: '{ product(upc: "p1") { basePrice discount finalPrice promoLabel } }',
      data: {
        product: { basePrice: 100, discount: 10, finalPrice: 90, promoLabel: 'Table now 90' },
      },
    },
  ],
};
