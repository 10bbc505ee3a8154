import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table' },
  { upc: 'p2', name: 'Couch' },
];
const reviews = [
  { upc: 'p1', body: 'Sturdy', stars: 4 },
  { upc: 'p2', body: 'Comfy', stars: 5 },
  { upc: 'p2', body: 'Saggy', stars: 2 },
];

/**
 * `@include` and `@skip` driven by variables, on fields that need an entity call, on the
 * key field the entity call is made with, on fragments, both on one field, and with a
 * variable's default value.
 */
export const executionIncludeSkip: Scenario = {
  name: 'execution-include-skip',
  group: 'Execution details',
  description:
    '@include/@skip with variables on fields that need entity calls, on key fields, on fragments, combined, and with defaults.',
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
        type Review { body: String! stars: Int! }
        type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
          reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
        },
      },
    },
  ],
  operations: [
    {
      name: 'included field that needs an entity call',
      query:
        'query ($withReviews: Boolean!) { products { name reviews @include(if: $withReviews) { body } } }',
      variables: { withReviews: true },
      data: {
        products: [
          { name: 'Table', reviews: [{ body: 'Sturdy' }] },
          { name: 'Couch', reviews: [{ body: 'Comfy' }, { body: 'Saggy' }] },
        ],
      },
    },
    {
      name: 'excluded field that needs an entity call',
      query:
        'query ($withReviews: Boolean!) { products { name reviews @include(if: $withReviews) { body } } }',
      variables: { withReviews: false },
      data: { products: [{ name: 'Table' }, { name: 'Couch' }] },
    },
    {
      // The entity call still needs `upc`; the answer must not show it.
      name: 'skipped key field of an entity call',
      query: 'query ($skip: Boolean!) { products { upc @skip(if: $skip) reviews { stars } } }',
      variables: { skip: true },
      data: {
        products: [{ reviews: [{ stars: 4 }] }, { reviews: [{ stars: 5 }, { stars: 2 }] }],
      },
    },
    {
      name: 'on a fragment spread and an inline fragment',
      query: `query ($brief: Boolean!) {
        products { name ...Reviews @skip(if: $brief) ... @include(if: $brief) { upc } }
      }
      fragment Reviews on Product { reviews { body } }`,
      variables: { brief: true },
      data: {
        products: [
          { name: 'Table', upc: 'p1' },
          { name: 'Couch', upc: 'p2' },
        ],
      },
    },
    {
      // Included only when not skipped and included: reviews yes, upc no (skipped).
      name: 'both directives on one field',
      query: `query ($yes: Boolean!, $no: Boolean!) {
        products { name reviews @skip(if: $no) @include(if: $yes) { body } upc @skip(if: $yes) @include(if: $yes) }
      }`,
      variables: { yes: true, no: false },
      data: {
        products: [
          { name: 'Table', reviews: [{ body: 'Sturdy' }] },
          { name: 'Couch', reviews: [{ body: 'Comfy' }, { body: 'Saggy' }] },
        ],
      },
    },
    {
      // No variables sent: $stars defaults to true, $body to false.
      name: 'defaults inside an entity call',
      query: `query ($stars: Boolean = true, $body: Boolean = false) {
        products { reviews { stars @include(if: $stars) body @include(if: $body) __typename @include(if: $body) } }
      }`,
      data: {
        products: [{ reviews: [{ stars: 4 }] }, { reviews: [{ stars: 5 }, { stars: 2 }] }],
      },
    },
  ],
};
