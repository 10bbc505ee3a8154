import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { ProductRow, ReviewRow, UserRow } from './fuzzData.ts';
import {
  coupons,
  orgs,
  productByUpc,
  products,
  reputation,
  reviewById,
  reviews,
  userById,
  users,
} from './fuzzData.ts';

/**
 * The differential fuzzer's supergraph: five small subgraphs of a shop that between them
 * use everything the plan executor handles. Each answer is a pure function of the request
 * (its text, variables and viewer), so a gateway's answer can be compared byte for byte
 * with the reference's.
 *
 * - entities with a compound nested key (`Product @key(fields: "sku variant { id }")`,
 *   used by promotions) and several keys (Product by upc or sku; User by id or email);
 * - `@requires` on fields with arguments (`shippingEstimate(zip:)`, and
 *   `packaging(fragile:)` on a nested selection), and of a field with arguments, twice with
 *   different ones (`importDuty` and `exportDuty` require `priceIn(currency: EUR)` and
 *   `priceIn(currency: GBP)`, which clients also ask with their own currency: the gateway
 *   plans them with stand-ins and splits the entity call, requiredArguments.ts), `@provides` (catalog's and reviews'
 *   `handle` of a User), `@shareable` fields and value types, `@override` (inStock);
 * - an interface (Node) and a union (SearchResult) whose members are owned by different
 *   subgraphs, an entity interface (Account, with User and Org) and `@interfaceObject`
 *   (inventory's Account.reputation);
 * - lists of lists (tags, grid, warehouses), arguments that the gateway passes on as
 *   variables into entity fetches (first, zip, fragile, code), viewer-dependent fields
 *   (me, viewerIsMe, draftCount);
 * - nulls in non-null fields (product 4's price, u3's nickname and reputation), resolver
 *   errors with paths (review r3's body, shipping to 00000), and subgraphs that misbehave
 *   on some entities: accounts answers HTTP 500 for u4 and 502 (text) for o2, inventory
 *   leaves the last entity out of `_entities` when product 7 is asked for, reviews answers
 *   `_entities: null` for product 8 and `data: null` for user u3.
 */
export interface FuzzSubgraph {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<FuzzContext>;
  /** Rewrites an answer (status, content type, body) for the entities it misbehaves on. */
  misbehave?: (representations: Representation[], result: object) => RawAnswer | undefined;
}

export interface FuzzContext {
  /** The signed-in user's id (the token's subject, read without verifying), or null. */
  viewerId: string | null;
}

export type Representation = Record<string, unknown> & { __typename: string };

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** `priceIn(currency:)`: the price (in USD) converted. */
const exchangeRates = { USD: 1, EUR: 0.9, GBP: 0.8 };

const FEDERATION =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@interfaceObject"])';

const typed = <T extends object>(__typename: string, value: T) => ({ __typename, ...value });

/** What a search term finds: products by name, users by handle, reviews by body. */
function search(term: string) {
  const found: object[] = [];
  for (const product of products)
    if (product.name?.toLowerCase().includes(term)) found.push(typed('Product', product));
  for (const user of users)
    if (user.handle.includes(term)) found.push(typed('User', { id: user.id }));
  for (const review of reviews)
    if (review.body?.toLowerCase().includes(term)) found.push(typed('Review', { id: review.id }));
  if (term === 'x') found.push(null as never);
  return found;
}

function node(id: string) {
  const [kind, key] = id.split(':');
  if (kind === 'product') return productByUpc(key) && typed('Product', productByUpc(key)!);
  if (kind === 'user') return userById(key) && typed('User', { id: key });
  if (kind === 'review') return reviewById(key) && typed('Review', { id: key });
  return null;
}

const hasEntity = (
  representations: Representation[],
  typename: string,
  field: string,
  value: string,
) => representations.some((r) => r.__typename === typename && r[field] === value);

export const fuzzSubgraphs: FuzzSubgraph[] = [
  {
    name: 'accounts',
    typeDefs: `${FEDERATION}
      interface Account @key(fields: "id") { id: ID! handle: String! }
      type User implements Account @key(fields: "id") @key(fields: "email") {
        id: ID!
        email: String!
        handle: String! @shareable
        name: String
        nickname: String!
        viewerIsMe: Boolean!
        address: Address
      }
      type Org implements Account @key(fields: "id") { id: ID! handle: String! members: [User!]! }
      type Address @shareable { city: String! zip: String }
      type Query {
        me: User
        user(id: ID!): User
        accounts(kind: String): [Account!]!
      }`,
    resolvers: {
      Query: {
        me: (_: unknown, __: unknown, { viewerId }: FuzzContext) => userById(viewerId),
        user: (_: unknown, { id }: { id: string }) => userById(id),
        accounts: (_: unknown, { kind }: { kind?: string | null }) => [
          ...(kind === 'org' ? [] : users.map((user) => typed('User', user))),
          ...(kind === 'user' ? [] : orgs.map((org) => typed('Org', org))),
        ],
      },
      Account: {
        __resolveReference: (ref: { id: string }) =>
          userById(ref.id)
            ? typed('User', userById(ref.id)!)
            : orgs.find((org) => org.id === ref.id) &&
              typed(
                'Org',
                orgs.find((org) => org.id === ref.id)!,
              ),
      },
      User: {
        __resolveReference: (ref: { id?: string; email?: string }) =>
          users.find((user) => user.id === ref.id || user.email === ref.email) ?? null,
        viewerIsMe: (user: UserRow, _: unknown, { viewerId }: FuzzContext) => user.id === viewerId,
      },
      Org: {
        __resolveReference: (ref: { id: string }) => orgs.find((org) => org.id === ref.id) ?? null,
        members: (org: { memberIds: string[] }) => org.memberIds.map(userById),
      },
    } as GraphQLResolverMap<FuzzContext>,
    misbehave: (representations) => {
      if (hasEntity(representations, 'User', 'id', 'u4'))
        return {
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'accounts exploded' }] }),
        };
      if (
        hasEntity(representations, 'Org', 'id', 'o2') ||
        hasEntity(representations, 'Account', 'id', 'o2')
      )
        return { status: 502, contentType: 'text/plain', body: 'upstream gone' };
      return undefined;
    },
  },
  {
    name: 'catalog',
    typeDefs: `${FEDERATION}
      interface Node { id: ID! }
      type Product implements Node @key(fields: "upc") @key(fields: "sku variant { id }") {
        id: ID!
        upc: String!
        sku: String!
        variant: Variant!
        name: String @shareable
        price: Int!
        priceIn(currency: Currency! = USD): Int
        weight: Int
        dimensions: Dimensions
        tags: [[String]]
        inStock: Boolean
        createdBy: User @provides(fields: "handle")
        related: [Product!]!
      }
      type Variant @shareable { id: ID! color: String }
      type Dimensions @shareable { size: String! weightKg: Float }
      enum Currency { USD EUR GBP }
      type User implements Node @key(fields: "id") { id: ID! handle: String! @external }
      type Review implements Node @key(fields: "id", resolvable: false) { id: ID! }
      union SearchResult = Product | User | Review
      type Query {
        topProducts(first: Int = 5): [Product!]!
        product(upc: String!): Product
        productBySku(sku: String!, variantId: ID!): Product
        grid: [[Product]]
        search(term: String!): [SearchResult]
        nodes(ids: [ID!]!): [Node]!
        broken: String
      }
      type Mutation { setPrice(upc: String!, price: Int!): Product }`,
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first?: number | null }) =>
          products.slice(0, first ?? products.length),
        product: (_: unknown, { upc }: { upc: string }) => productByUpc(upc),
        productBySku: (_: unknown, { sku, variantId }: { sku: string; variantId: string }) =>
          products.find((p) => p.sku === sku && p.variant.id === variantId) ?? null,
        grid: () => [
          [productByUpc('1'), productByUpc('2')],
          [],
          null,
          [productByUpc('3'), null, productByUpc('5')],
        ],
        search: (_: unknown, { term }: { term: string }) => search(term),
        nodes: (_: unknown, { ids }: { ids: string[] }) => ids.map(node),
        broken: () => {
          throw new Error('the catalog is closed');
        },
      },
      Mutation: {
        setPrice: (_: unknown, { upc, price }: { upc: string; price: number }) => {
          const product = productByUpc(upc);
          return product ? { ...product, price } : null;
        },
      },
      Node: { __resolveType: (value: { __typename: string }) => value.__typename },
      SearchResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      Product: {
        __resolveReference: (ref: { upc?: string; sku?: string; variant?: { id: string } }) =>
          products.find(
            (p) => p.upc === ref.upc || (p.sku === ref.sku && p.variant.id === ref.variant?.id),
          ) ?? null,
        id: (product: ProductRow) => `product:${product.upc}`,
        inStock: (product: ProductRow) => product.catalogInStock,
        priceIn: (product: ProductRow, { currency }: { currency: keyof typeof exchangeRates }) =>
          product.price === null ? null : Math.round(product.price * exchangeRates[currency]),
        createdBy: (product: ProductRow) =>
          product.createdBy
            ? { id: product.createdBy, handle: userById(product.createdBy)!.handle }
            : null,
        related: (product: ProductRow) => product.related.map(productByUpc),
      },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        id: (user: { id: string }) => user.id,
      },
    } as GraphQLResolverMap<FuzzContext>,
  },
  {
    name: 'inventory',
    typeDefs: `${FEDERATION}
      type Product @key(fields: "upc") {
        upc: String!
        price: Int! @external
        weight: Int @external
        dimensions: Dimensions @external
        inStock: Boolean @override(from: "catalog")
        shippingEstimate(zip: String): Int @requires(fields: "price weight")
        packaging(fragile: Boolean!): String @requires(fields: "dimensions { size }")
        priceIn(currency: Currency! = USD): Int @external
        importDuty: Int @requires(fields: "priceIn(currency: EUR)")
        exportDuty(rate: Int): Int @requires(fields: "priceIn(currency: GBP) weight")
        warehouses: [[String!]]
      }
      type Dimensions @shareable { size: String! weightKg: Float }
      enum Currency { USD EUR GBP }
      type Account @key(fields: "id") @interfaceObject { id: ID! reputation: Int! }
      type Query { restockQueue: [Product!]! }`,
    resolvers: {
      Query: { restockQueue: () => ['2', '3', '7'].map((upc) => ({ upc })) },
      Account: {
        __resolveReference: (ref: { id: string }) => ref,
        reputation: (account: { id: string }) => reputation[account.id] ?? null,
      },
      Product: {
        __resolveReference: (ref: Record<string, unknown>) => ({
          ...ref,
          ...(productByUpc(ref['upc'])
            ? {
                inStock: productByUpc(ref['upc'])!.inStock,
                warehouses: productByUpc(ref['upc'])!.warehouses,
              }
            : {}),
        }),
        shippingEstimate: (
          product: { price: number; weight: number | null },
          { zip }: { zip?: string | null },
        ) => {
          if (zip === '00000') throw new Error('no shipping to 00000');
          if (product.weight === null || product.weight === undefined) return null;
          return Math.round((product.price * product.weight) / 10) + (zip?.length ?? 0);
        },
        // From the price in EUR and in GBP: never 0, so the executors' renames agree.
        importDuty: (product: { priceIn?: number | null }) =>
          product.priceIn === null || product.priceIn === undefined
            ? null
            : Math.ceil(product.priceIn / 10),
        exportDuty: (
          product: { priceIn?: number | null; weight: number | null },
          { rate }: { rate?: number | null },
        ) =>
          product.priceIn === null || product.priceIn === undefined
            ? null
            : product.priceIn * (rate ?? 1) + (product.weight ?? 0),
        packaging: (
          product: { dimensions: { size: string } | null },
          { fragile }: { fragile: boolean },
        ) =>
          product.dimensions ? `${product.dimensions.size}-${fragile ? 'bubble' : 'box'}` : null,
      },
    } as GraphQLResolverMap<FuzzContext>,
    misbehave: (representations, result) => {
      if (!hasEntity(representations, 'Product', 'upc', '7')) return undefined;
      const answer = result as { data?: { _entities?: unknown[] } };
      answer.data?._entities?.pop();
      return { status: 200, contentType: 'application/json', body: JSON.stringify(answer) };
    },
  },
  {
    name: 'reviews',
    typeDefs: `${FEDERATION}
      type Review @key(fields: "id") {
        id: ID!
        body: String!
        stars: Int
        product: Product
        author: User @provides(fields: "handle")
      }
      type Product @key(fields: "upc") {
        upc: String!
        reviews(first: Int): [Review!]!
        rating: Float
      }
      type User @key(fields: "id") {
        id: ID!
        handle: String! @external
        reviews: [Review!]!
        draftCount: Int
      }
      type Query { latestReviews(first: Int = 3): [Review!]! }
      type Mutation { addReview(upc: String!, stars: Int!): Review }`,
    resolvers: {
      Query: {
        latestReviews: (_: unknown, { first }: { first: number }) => reviews.slice(-first),
      },
      Mutation: {
        addReview: (
          _: unknown,
          { upc, stars }: { upc: string; stars: number },
          { viewerId }: FuzzContext,
        ) => ({
          id: `new-${upc}-${stars}`,
          body: stars > 3 ? 'Loved it' : 'Not for me',
          stars,
          upc,
          authorId: viewerId ?? 'u2',
        }),
      },
      Review: {
        __resolveReference: (ref: { id: string }) => reviewById(ref.id),
        body: (review: ReviewRow) => {
          if (review.body === null) throw new Error(`the body of ${review.id} is redacted`);
          return review.body;
        },
        product: (review: ReviewRow) => ({ upc: review.upc }),
        author: (review: ReviewRow) => ({
          id: review.authorId,
          handle: userById(review.authorId)!.handle,
        }),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ref,
        reviews: (product: { upc: string }, { first }: { first?: number | null }) =>
          reviews.filter((review) => review.upc === product.upc).slice(0, first ?? undefined),
        rating: (product: { upc: string }) => {
          const stars = reviews.filter((r) => r.upc === product.upc && r.stars !== null);
          return stars.length ? stars.reduce((sum, r) => sum + r.stars!, 0) / stars.length : null;
        },
      },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (user: { id: string }) => reviews.filter((review) => review.authorId === user.id),
        draftCount: (user: { id: string }, _: unknown, { viewerId }: FuzzContext) =>
          user.id === viewerId ? Number(user.id.slice(1)) * 2 : null,
      },
    } as GraphQLResolverMap<FuzzContext>,
    misbehave: (representations) => {
      if (hasEntity(representations, 'Product', 'upc', '8'))
        return {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            data: { _entities: null },
            errors: [{ message: 'the review store is offline', path: ['_entities'] }],
          }),
        };
      if (hasEntity(representations, 'User', 'id', 'u3'))
        return {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            data: null,
            errors: [{ message: 'author index rebuilding', extensions: { code: 'UNAVAILABLE' } }],
          }),
        };
      return undefined;
    },
  },
  {
    name: 'promotions',
    typeDefs: `${FEDERATION}
      type Product @key(fields: "sku variant { id }") {
        sku: String!
        variant: Variant!
        name: String @shareable
        discount(code: String): Int
      }
      type Variant @shareable { id: ID! color: String }
      type User @key(fields: "email") { email: String! coupons: [String!] }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { sku: string; variant: { id: string } }) => {
          const product = products.find(
            (p) => p.sku === ref.sku && p.variant.id === ref.variant.id,
          );
          return product ? { ...ref, variant: product.variant, name: product.name } : null;
        },
        discount: (product: { sku: string }, { code }: { code?: string | null }) =>
          code === 'HALF' ? 50 : code ? (product.sku.length * 7) % 30 : null,
      },
      User: {
        __resolveReference: (ref: { email: string }) => ({
          ...ref,
          coupons: coupons[ref.email] ?? null,
        }),
      },
    } as GraphQLResolverMap<FuzzContext>,
  },
];
