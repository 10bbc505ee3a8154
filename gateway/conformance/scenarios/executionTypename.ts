import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table' },
  { upc: 'p2', name: 'Couch' },
];
const reviews = [
  { upc: 'p1', body: 'Sturdy' },
  { upc: 'p1', body: 'Wobbly' },
];

/**
 * `__typename` where a gateway answers it itself (root types, aliased, in fragments on a
 * root type) and where it must come back from a subgraph (inside entity calls, on a
 * mutation's result), whatever else the selection holds.
 */
export const executionTypename: Scenario = {
  name: 'execution-typename',
  group: 'Execution details',
  description:
    '__typename on Query and Mutation, aliased, in fragments, alone inside entity calls and on a mutation result joined to another subgraph.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! }
        type Product @key(fields: "upc") { upc: String! name: String! }`,
      resolvers: {
        Query: { products: () => products },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federation2('@key')}
        type Mutation { draftReview(upc: String!, body: String!): Review! }
        type Review { body: String! product: Product! }
        type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
      resolvers: {
        // A draft is not stored: the answer is the same each time it is sent.
        Mutation: {
          draftReview: (_: unknown, draft: { upc: string; body: string }) => draft,
        },
        Review: { product: (review: { upc: string }) => ({ upc: review.upc }) },
        Product: {
          __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
          reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
        },
      },
    },
  ],
  operations: [
    {
      name: 'query root alone',
      query: '{ __typename }',
      data: { __typename: 'Query' },
    },
    {
      name: 'mutation root alone',
      query: 'mutation { __typename }',
      data: { __typename: 'Mutation' },
    },
    {
      name: 'aliased and in fragments on the root',
      query:
        'query { q: __typename ... on Query { __typename } ...Root products { ... on Product { t: __typename } } } fragment Root on Query { r: __typename }',
      data: {
        q: 'Query',
        __typename: 'Query',
        r: 'Query',
        products: [{ t: 'Product' }, { t: 'Product' }],
      },
    },
    {
      // Nothing but __typename below `reviews`: the entity call still has to be made.
      name: 'only typenames inside entity calls',
      query: '{ products { __typename reviews { __typename product { __typename } } } }',
      data: {
        products: [
          {
            __typename: 'Product',
            reviews: [
              { __typename: 'Review', product: { __typename: 'Product' } },
              { __typename: 'Review', product: { __typename: 'Product' } },
            ],
          },
          { __typename: 'Product', reviews: [] },
        ],
      },
    },
    {
      name: 'mutation result joined to another subgraph',
      query:
        'mutation { t: __typename draftReview(upc: "p2", body: "Comfy") { __typename body product { __typename name } } }',
      data: {
        t: 'Mutation',
        draftReview: {
          __typename: 'Review',
          body: 'Comfy',
          product: { __typename: 'Product', name: 'Couch' },
        },
      },
    },
  ],
};
