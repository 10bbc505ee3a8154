import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  {
    upc: 'p1',
    name: 'Table',
    price: { USD: 100, EUR: 90 },
    dimensions: { size: { CM: 100, IN: 39 }, weight: { KG: 10, LB: 22 } },
  },
  {
    upc: 'p2',
    name: 'Couch',
    price: { USD: 200, EUR: 180 },
    dimensions: { size: { CM: 200, IN: 79 }, weight: { KG: 40, LB: 88 } },
  },
];

type Product = (typeof products)[number];
type Dimensions = Product['dimensions'];

/**
 * Required fields with arguments inside a value type: `dimensions { size(unit: IN) }`,
 * `dimensions { weight(unit: LB) size }` (size in its default unit, CM) and
 * `price(currency: EUR) dimensions { weight }`. Two requirements of one subgraph ask
 * `size` in two units at the same place, so one representation cannot carry both; the
 * client asks the same fields in units of its own.
 *
 * | upc | size CM / IN | weight KG / LB | price USD / EUR | boxSize | freight  | insured  |
 * | p1  | 100 / 39     | 10 / 22        | 100 / 90        | 39in    | 22 + 100 | 90 + 10  |
 * | p2  | 200 / 79     | 40 / 88        | 200 / 180       | 79in    | 88 + 200 | 180 + 40 |
 */
export const requiresNestedArguments: Scenario = {
  name: 'requires-nested-arguments',
  group: '@requires',
  description:
    'Required fields with arguments nested in a value type, two of them at the same place with different arguments, beside client copies in other units.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { products: [Product!]! product(upc: String!): Product }
        enum Currency { USD EUR }
        enum Unit { CM IN }
        enum WeightUnit { KG LB }
        type Dimensions @shareable {
          size(unit: Unit! = CM): Int!
          weight(unit: WeightUnit! = KG): Int!
        }
        type Product @key(fields: "upc") {
          upc: String!
          name: String!
          price(currency: Currency! = USD): Int!
          dimensions: Dimensions!
        }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
          price: (product: Product, { currency }: { currency: 'USD' | 'EUR' }) =>
            product.price[currency],
        },
        Dimensions: {
          size: (dimensions: Dimensions, { unit }: { unit: 'CM' | 'IN' }) => dimensions.size[unit],
          weight: (dimensions: Dimensions, { unit }: { unit: 'KG' | 'LB' }) =>
            dimensions.weight[unit],
        },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federation2('@key', '@shareable', '@external', '@requires')}
        enum Currency { USD EUR }
        enum Unit { CM IN }
        enum WeightUnit { KG LB }
        type Dimensions @shareable {
          size(unit: Unit! = CM): Int! @external
          weight(unit: WeightUnit! = KG): Int! @external
        }
        type Product @key(fields: "upc") {
          upc: String!
          price(currency: Currency! = USD): Int! @external
          dimensions: Dimensions! @external
          boxSize: String! @requires(fields: "dimensions { size(unit: IN) }")
          freight: Int! @requires(fields: "dimensions { weight(unit: LB) size }")
          insured: Int! @requires(fields: "price(currency: EUR) dimensions { weight }")
        }`,
      resolvers: {
        Product: {
          boxSize: (product: { dimensions: { size: number } }) => `${product.dimensions.size}in`,
          freight: (product: { dimensions: { size: number; weight: number } }) =>
            product.dimensions.weight + product.dimensions.size,
          insured: (product: { price: number; dimensions: { weight: number } }) =>
            product.price + product.dimensions.weight,
        },
      },
    },
  ],
  operations: [
    {
      name: 'nested argument alone',
      query: '{ products { boxSize } }',
      data: { products: [{ boxSize: '39in' }, { boxSize: '79in' }] },
    },
    {
      name: 'client asks the nested field in its default unit',
      query: '{ product(upc: "p1") { dimensions { size } boxSize } }',
      data: { product: { dimensions: { size: 100 }, boxSize: '39in' } },
    },
    {
      name: 'client asks the nested fields in other units',
      query: '{ product(upc: "p2") { dimensions { size(unit: IN) weight } freight } }',
      data: { product: { dimensions: { size: 79, weight: 40 }, freight: 288 } },
    },
    {
      name: 'one nested field in two units for one subgraph',
      query: '{ products { boxSize freight } }',
      data: {
        products: [
          { boxSize: '39in', freight: 122 },
          { boxSize: '79in', freight: 288 },
        ],
      },
    },
    {
      name: 'top-level and nested arguments together',
      query: '{ product(upc: "p1") { price insured freight } }',
      data: { product: { price: 100, insured: 100, freight: 122 } },
    },
    {
      name: 'aliased client copies beside every requirement',
      query:
        '{ product(upc: "p2") { a: dimensions { w: weight(unit: LB) } insured boxSize freight } }',
      data: { product: { a: { w: 88 }, insured: 220, boxSize: '79in', freight: 288 } },
    },
    {
      name: 'client unit from a variable',
      query: 'query ($u: Unit!) { product(upc: "p1") { dimensions { size(unit: $u) } freight } }',
      variables: { u: 'IN' },
      data: { product: { dimensions: { size: 39 }, freight: 122 } },
    },
  ],
};
