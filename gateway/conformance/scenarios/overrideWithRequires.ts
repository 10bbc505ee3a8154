import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', size: 3 },
  { upc: 'p2', name: 'Couch', size: 5 },
  { upc: 'p3', name: 'Chair', size: 1 },
];
/** The weights the inventory subgraph owns since it took `weight` over. */
const stock = [
  { upc: 'p1', weight: 20, inStock: true },
  { upc: 'p2', weight: 50, inStock: false },
  { upc: 'p3', weight: 5, inStock: true },
];
/**
 * What the products subgraph still answers for the fields it no longer owns: stale on
 * purpose, so an answer that used them is told apart.
 */
const STALE_WEIGHT = 999;
const STALE_ESTIMATE = -1;

function productOf(upc: string) {
  return products.find((p) => p.upc === upc)!;
}

function stockOf(upc: string) {
  return stock.find((s) => s.upc === upc)!;
}

/**
 * @override meets @requires. `Product.weight` moved from products to inventory, and
 * `Product.shippingEstimate` moved from products to shipping, where it requires the
 * weight (now inventory's) and the size (still products'): `weight * 10 + size`. Every
 * estimate must therefore be computed from inventory's weight, and neither overridden
 * field may be read from products, whose copies are stale (999 and -1).
 */
export const overrideWithRequires: Scenario = {
  name: 'override-with-requires',
  group: '@override',
  description:
    'A field moved by @override to a subgraph where it @requires fields of two others, one of them itself moved by @override.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          size: Int!
          weight: Int!
          shippingEstimate: Int!
        }`,
      resolvers: {
        Query: { products: () => products },
        Product: {
          __resolveReference: (ref: { upc: string }) => productOf(ref.upc),
          weight: () => STALE_WEIGHT,
          shippingEstimate: () => STALE_ESTIMATE,
        },
      },
    },
    {
      name: 'inventory',
      typeDefs: `${federation2('@key', '@override')}
        type Query { inStockProducts: [Product!]! }
        type Product @key(fields: "upc") {
          upc: ID!
          weight: Int! @override(from: "products")
          inStock: Boolean!
        }`,
      resolvers: {
        Query: { inStockProducts: () => stock.filter((s) => s.inStock) },
        Product: { __resolveReference: (ref: { upc: string }) => stockOf(ref.upc) },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federation2('@key', '@external', '@requires', '@override')}
        type Query { cheapestToShip: Product! }
        type Product @key(fields: "upc") {
          upc: ID!
          weight: Int! @external
          size: Int! @external
          shippingEstimate: Int! @requires(fields: "weight size") @override(from: "products")
        }`,
      resolvers: {
        Query: { cheapestToShip: () => ({ upc: 'p3' }) },
        Product: {
          __resolveReference: (ref: { upc: string; weight?: number; size?: number }) => ref,
          shippingEstimate: (product: { weight: number; size: number }) =>
            product.weight * 10 + product.size,
        },
      },
    },
  ],
  operations: [
    {
      name: 'the moved required field',
      query: '{ products { upc weight } }',
      data: {
        products: [
          { upc: 'p1', weight: 20 },
          { upc: 'p2', weight: 50 },
          { upc: 'p3', weight: 5 },
        ],
      },
    },
    {
      // 20 * 10 + 3, 50 * 10 + 5, 5 * 10 + 1.
      name: 'the moved field with @requires',
      query: '{ products { upc shippingEstimate } }',
      data: {
        products: [
          { upc: 'p1', shippingEstimate: 203 },
          { upc: 'p2', shippingEstimate: 505 },
          { upc: 'p3', shippingEstimate: 51 },
        ],
      },
    },
    {
      name: 'with the required fields selected',
      query: '{ products { name size weight shippingEstimate } }',
      data: {
        products: [
          { name: 'Table', size: 3, weight: 20, shippingEstimate: 203 },
          { name: 'Couch', size: 5, weight: 50, shippingEstimate: 505 },
          { name: 'Chair', size: 1, weight: 5, shippingEstimate: 51 },
        ],
      },
    },
    {
      // The root is in shipping, which must fetch weight and size before it can answer.
      name: 'from the overriding subgraph root',
      query: '{ cheapestToShip { upc name weight shippingEstimate } }',
      data: { cheapestToShip: { upc: 'p3', name: 'Chair', weight: 5, shippingEstimate: 51 } },
    },
    {
      name: 'from the other overriding subgraph root',
      query: '{ inStockProducts { upc name shippingEstimate } }',
      data: {
        inStockProducts: [
          { upc: 'p1', name: 'Table', shippingEstimate: 203 },
          { upc: 'p3', name: 'Chair', shippingEstimate: 51 },
        ],
      },
    },
  ],
};
