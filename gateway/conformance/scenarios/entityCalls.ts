import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const users = [
  { id: 'u1', name: 'Ada' },
  { id: 'u2', name: 'Alan' },
];
const products = [
  { upc: 'p1', name: 'Table', price: 100 },
  { upc: 'p2', name: 'Couch', price: 200 },
  { upc: 'p3', name: 'Chair', price: 50 },
];
const reviews = [
  { id: 'r1', upc: 'p1', authorId: 'u1', body: 'Sturdy' },
  { id: 'r2', upc: 'p1', authorId: 'u2', body: 'Wobbly' },
  { id: 'r3', upc: 'p2', authorId: 'u1', body: 'Comfy' },
];

/**
 * Entities joined across three subgraphs: a simple entity call (products → reviews), a
 * parent entity call (reviews → accounts, for entities found by an entity call), a call
 * back to the first subgraph (reviews → products), and a root field every subgraph of
 * the type shares.
 */
export const entityCalls: Scenario = {
  name: 'entity-calls',
  group: 'Entity calls',
  description:
    'Simple and chained entity calls between three subgraphs, back to a subgraph already called, and a shared root field.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { user(id: ID!): User @shareable }
        type User @key(fields: "id") { id: ID! name: String! }`,
      resolvers: {
        Query: { user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id) },
        User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) },
      },
    },
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { topProducts(first: Int = 5): [Product!]! }
        type Product @key(fields: "upc") { upc: String! name: String! price: Int! }`,
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
      name: 'reviews',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { user(id: ID!): User @shareable }
        type Review @key(fields: "id") { id: ID! body: String! author: User! product: Product! }
        type User @key(fields: "id") { id: ID! reviews: [Review!]! }
        type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
      resolvers: {
        Query: { user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id) },
        Review: {
          author: (review: { authorId: string }) => ({ id: review.authorId }),
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
      name: 'one subgraph',
      query: '{ topProducts { upc name price } }',
      data: { topProducts: products },
    },
    {
      name: 'simple entity call',
      query: '{ topProducts(first: 2) { name reviews { body } } }',
      data: {
        topProducts: [
          { name: 'Table', reviews: [{ body: 'Sturdy' }, { body: 'Wobbly' }] },
          { name: 'Couch', reviews: [{ body: 'Comfy' }] },
        ],
      },
    },
    {
      name: 'parent entity call',
      query: '{ topProducts { name reviews { author { name } } } }',
      data: {
        topProducts: [
          { name: 'Table', reviews: [{ author: { name: 'Ada' } }, { author: { name: 'Alan' } }] },
          { name: 'Couch', reviews: [{ author: { name: 'Ada' } }] },
          { name: 'Chair', reviews: [] },
        ],
      },
    },
    {
      name: 'back to the first subgraph',
      query:
        '{ topProducts(first: 1) { reviews { author { reviews { product { name price } } } } } }',
      data: {
        topProducts: [
          {
            reviews: [
              {
                author: {
                  reviews: [
                    { product: { name: 'Table', price: 100 } },
                    { product: { name: 'Couch', price: 200 } },
                  ],
                },
              },
              { author: { reviews: [{ product: { name: 'Table', price: 100 } }] } },
            ],
          },
        ],
      },
    },
    {
      name: 'shared root field',
      query: '{ user(id: "u1") { name reviews { body product { name } } } }',
      data: {
        user: {
          name: 'Ada',
          reviews: [
            { body: 'Sturdy', product: { name: 'Table' } },
            { body: 'Comfy', product: { name: 'Couch' } },
          ],
        },
      },
    },
    {
      name: 'shared root field, not found',
      query: '{ user(id: "nobody") { id name } }',
      data: { user: null },
    },
    {
      name: 'typename everywhere',
      query:
        '{ __typename topProducts(first: 1) { __typename reviews { __typename author { __typename } } } }',
      data: {
        __typename: 'Query',
        topProducts: [
          {
            __typename: 'Product',
            reviews: [
              { __typename: 'Review', author: { __typename: 'User' } },
              { __typename: 'Review', author: { __typename: 'User' } },
            ],
          },
        ],
      },
    },
  ],
};
