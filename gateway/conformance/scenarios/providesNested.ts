import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const manufacturers = [
  { id: 'm1', name: 'Acme', country: 'US' },
  { id: 'm2', name: 'Globex', country: 'DE' },
];
const products = [
  { upc: 'p1', name: 'Table', price: 100, manufacturerId: 'm1' },
  { upc: 'p2', name: 'Couch', price: 200, manufacturerId: 'm2' },
];
const reviews = [
  { id: 'r1', upc: 'p1', body: 'Sturdy' },
  { id: 'r2', upc: 'p2', body: 'Comfy' },
  { id: 'r3', upc: 'p1', body: 'Wobbly' },
];

function productOf(upc: string) {
  return products.find((p) => p.upc === upc)!;
}

function manufacturerOf(id: string) {
  return manufacturers.find((m) => m.id === id)!;
}

/**
 * A nested @provides: `Review.product` provides the product's name and its manufacturer's
 * name (`name manufacturer { name }`). The reviews subgraph's copies equal the owner's, so
 * every answer is determined whichever copy a gateway uses. Fields outside the provided
 * selection (a product's price, a manufacturer's country) and every field reached through
 * `Review.productLink`, which provides nothing, must come from the inventory subgraph:
 * the reviews subgraph answers only keys there, so a gateway that asked it for an
 * @external field would get null for a non-null field.
 */
export const providesNested: Scenario = {
  name: 'provides-nested',
  group: '@provides',
  description:
    'A @provides with a nested selection (name manufacturer { name }), fields beyond it at each level, and the same entities reached by a field without @provides.',
  subgraphs: [
    {
      name: 'inventory',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { products: [Product!]! }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @shareable
          price: Int!
          manufacturer: Manufacturer! @shareable
        }
        type Manufacturer @key(fields: "id") { id: ID! name: String! @shareable country: String! }`,
      resolvers: {
        Query: { products: () => products },
        Product: {
          __resolveReference: (ref: { upc: string }) => productOf(ref.upc),
          manufacturer: (product: { manufacturerId: string }) =>
            manufacturerOf(product.manufacturerId),
        },
        Manufacturer: {
          __resolveReference: (ref: { id: string }) => manufacturerOf(ref.id),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key', '@external', '@provides')}
        type Query { reviews: [Review!]! }
        type Review @key(fields: "id") {
          id: ID!
          body: String!
          product: Product! @provides(fields: "name manufacturer { name }")
          productLink: Product!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @external
          manufacturer: Manufacturer! @external
        }
        type Manufacturer @key(fields: "id") { id: ID! name: String! @external }`,
      resolvers: {
        Query: { reviews: () => reviews },
        Review: {
          __resolveReference: (ref: { id: string }) => reviews.find((r) => r.id === ref.id),
          product: (review: { upc: string }) => {
            const product = productOf(review.upc);
            const manufacturer = manufacturerOf(product.manufacturerId);
            return {
              upc: product.upc,
              name: product.name,
              manufacturer: { id: manufacturer.id, name: manufacturer.name },
            };
          },
          // Nothing provided: only the key.
          productLink: (review: { upc: string }) => ({ upc: review.upc }),
        },
      },
    },
  ],
  operations: [
    {
      name: 'all provided',
      query: '{ reviews { body product { upc name manufacturer { id name } } } }',
      data: {
        reviews: [
          {
            body: 'Sturdy',
            product: { upc: 'p1', name: 'Table', manufacturer: { id: 'm1', name: 'Acme' } },
          },
          {
            body: 'Comfy',
            product: { upc: 'p2', name: 'Couch', manufacturer: { id: 'm2', name: 'Globex' } },
          },
          {
            body: 'Wobbly',
            product: { upc: 'p1', name: 'Table', manufacturer: { id: 'm1', name: 'Acme' } },
          },
        ],
      },
    },
    {
      name: 'beyond the nested selection',
      query: '{ reviews { id product { manufacturer { name country } } } }',
      data: {
        reviews: [
          { id: 'r1', product: { manufacturer: { name: 'Acme', country: 'US' } } },
          { id: 'r2', product: { manufacturer: { name: 'Globex', country: 'DE' } } },
          { id: 'r3', product: { manufacturer: { name: 'Acme', country: 'US' } } },
        ],
      },
    },
    {
      name: 'beyond the top selection',
      query: '{ reviews { id product { name price } } }',
      data: {
        reviews: [
          { id: 'r1', product: { name: 'Table', price: 100 } },
          { id: 'r2', product: { name: 'Couch', price: 200 } },
          { id: 'r3', product: { name: 'Table', price: 100 } },
        ],
      },
    },
    {
      name: 'a path without @provides',
      query: '{ reviews { id productLink { name manufacturer { name } } } }',
      data: {
        reviews: [
          { id: 'r1', productLink: { name: 'Table', manufacturer: { name: 'Acme' } } },
          { id: 'r2', productLink: { name: 'Couch', manufacturer: { name: 'Globex' } } },
          { id: 'r3', productLink: { name: 'Table', manufacturer: { name: 'Acme' } } },
        ],
      },
    },
    {
      name: 'both paths side by side',
      query:
        '{ reviews { id product { __typename name } productLink { __typename manufacturer { __typename name } } } }',
      data: {
        reviews: [
          {
            id: 'r1',
            product: { __typename: 'Product', name: 'Table' },
            productLink: {
              __typename: 'Product',
              manufacturer: { __typename: 'Manufacturer', name: 'Acme' },
            },
          },
          {
            id: 'r2',
            product: { __typename: 'Product', name: 'Couch' },
            productLink: {
              __typename: 'Product',
              manufacturer: { __typename: 'Manufacturer', name: 'Globex' },
            },
          },
          {
            id: 'r3',
            product: { __typename: 'Product', name: 'Table' },
            productLink: {
              __typename: 'Product',
              manufacturer: { __typename: 'Manufacturer', name: 'Acme' },
            },
          },
        ],
      },
    },
    {
      name: 'the owner side',
      query: '{ products { upc manufacturer { name country } } }',
      data: {
        products: [
          { upc: 'p1', manufacturer: { name: 'Acme', country: 'US' } },
          { upc: 'p2', manufacturer: { name: 'Globex', country: 'DE' } },
        ],
      },
    },
  ],
};
