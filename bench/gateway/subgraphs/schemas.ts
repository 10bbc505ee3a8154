// The four benchmark subgraphs' SDL and resolvers.
import type { buildSubgraphSchema } from '@apollo/subgraph';
import { inventory, products, reviews, users } from './data.ts';

type SubgraphModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports
    .map((name) => `"${name}"`)
    .join(', ')}])`;

export interface BenchSubgraph {
  name: string;
  typeDefs: string;
  resolvers: NonNullable<SubgraphModule['resolvers']>;
}

export const benchSubgraphs: BenchSubgraph[] = [
  {
    name: 'accounts',
    typeDefs: `${link(['@key', '@shareable'])}
      type Query { me: User  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") {
        id: ID!
        name: String
        username: String @shareable
        birthDate: String
      }`,
    resolvers: {
      Query: {
        me: () => users[0],
        user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id),
        users: () => users,
      },
      User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) },
    },
  },
  {
    name: 'inventory',
    typeDefs: `${link(['@key', '@external', '@requires'])}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({
          ...ref,
          ...inventory.find((item) => item.upc === ref.upc),
        }),
        // Free for expensive items, else half the weight.
        shippingEstimate: (product: { price: number; weight: number }) =>
          product.price > 1000 ? 0 : Math.round(product.weight * 0.5),
      },
    },
  },
  {
    name: 'products',
    typeDefs: `${link(['@key'])}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
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
    typeDefs: `${link(['@key', '@external', '@provides'])}
      type Review @key(fields: "id") {
        id: ID!
        body: String
        author: User @provides(fields: "username")
        product: Product
      }
      type User @key(fields: "id") {
        id: ID!
        username: String @external
        reviews: [Review]
      }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: (ref: { id: string }) => reviews.find((r) => r.id === ref.id),
        author: (review: { authorId: string }) => ({
          __typename: 'User',
          id: review.authorId,
          username: users.find((u) => u.id === review.authorId)?.username,
        }),
        product: (review: { productUpc: string }) => ({
          __typename: 'Product',
          upc: review.productUpc,
        }),
      },
      User: {
        reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id),
      },
      Product: {
        reviews: (product: { upc: string }) => reviews.filter((r) => r.productUpc === product.upc),
      },
    },
  },
];
