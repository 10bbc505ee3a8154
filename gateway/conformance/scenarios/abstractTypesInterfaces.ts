import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

interface Item {
  id: string;
  kind: 'Shirt' | 'Mug';
  name: string;
  size?: string;
  volume?: number;
}

const items: Item[] = [
  { id: 'i1', kind: 'Shirt', name: 'Tee', size: 'M' },
  { id: 'i2', kind: 'Mug', name: 'Cup', volume: 300 },
  { id: 'i3', kind: 'Shirt', name: 'Polo', size: 'L' },
];
const stock: Record<string, number> = { i1: 4, i2: 0, i3: 12 };
/** Only mugs are rated, in a subgraph that knows nothing of the `Item` interface. */
const ratings: Record<string, number> = { i2: 5 };

const findItem = (ref: { id: string }) => items.find((item) => item.id === ref.id);

/**
 * An entity interface (`Item`, with `@key`) implemented in `catalog`, seen as an
 * `@interfaceObject` by `inventory` (which adds `stock` to every implementation without
 * knowing them), and one implementation extended alone by `ratings`.
 */
export const abstractDistributedInterfaces: Scenario = {
  name: 'abstract-distributed-interfaces',
  group: 'Abstract types',
  description:
    'An entity interface spread over three subgraphs: interface fields from an @interfaceObject, __typename resolved by the owner, type conditions that need an entity call.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${federation2('@key')}
        type Query { items: [Item!]! item(id: ID!): Item }
        interface Item @key(fields: "id") { id: ID! name: String! }
        type Shirt implements Item @key(fields: "id") { id: ID! name: String! size: String! }
        type Mug implements Item @key(fields: "id") { id: ID! name: String! volume: Int! }`,
      resolvers: {
        Query: {
          items: () => items,
          item: (_: unknown, ref: { id: string }) => findItem(ref),
        },
        Item: {
          __resolveType: (item: Item) => item.kind,
          __resolveReference: findItem,
        },
        Shirt: { __resolveReference: findItem },
        Mug: { __resolveReference: findItem },
      },
    },
    {
      name: 'inventory',
      typeDefs: `${federation2('@key', '@interfaceObject')}
        type Query { outOfStock: [Item!]! }
        type Item @key(fields: "id") @interfaceObject { id: ID! stock: Int! }`,
      resolvers: {
        Query: {
          outOfStock: () =>
            Object.keys(stock)
              .filter((id) => stock[id] === 0)
              .map((id) => ({ id })),
        },
        Item: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          stock: (item: { id: string }) => stock[item.id],
        },
      },
    },
    {
      name: 'ratings',
      typeDefs: `${federation2('@key')}
        type Mug @key(fields: "id") { id: ID! rating: Int! }`,
      resolvers: {
        Mug: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          rating: (mug: { id: string }) => ratings[mug.id],
        },
      },
    },
  ],
  operations: [
    {
      name: 'implementations from one subgraph',
      query: '{ items { __typename id name ... on Shirt { size } ... on Mug { volume } } }',
      data: {
        items: [
          { __typename: 'Shirt', id: 'i1', name: 'Tee', size: 'M' },
          { __typename: 'Mug', id: 'i2', name: 'Cup', volume: 300 },
          { __typename: 'Shirt', id: 'i3', name: 'Polo', size: 'L' },
        ],
      },
    },
    {
      name: 'interface field from an interface object',
      query: '{ items { name stock } }',
      data: {
        items: [
          { name: 'Tee', stock: 4 },
          { name: 'Cup', stock: 0 },
          { name: 'Polo', stock: 12 },
        ],
      },
    },
    {
      // `inventory` only knows `Item`: the concrete type, and with it the Mug fragment,
      // comes from `catalog`, then `rating` from `ratings`.
      name: 'typename and type condition from an interface object root',
      query:
        '{ outOfStock { __typename id name ... on Mug { volume rating } ... on Shirt { size } } }',
      data: {
        outOfStock: [{ __typename: 'Mug', id: 'i2', name: 'Cup', volume: 300, rating: 5 }],
      },
    },
    {
      name: 'type conditions selecting fields of other subgraphs',
      query: '{ items { ... on Mug { rating } ... on Shirt { stock } } }',
      data: { items: [{ stock: 4 }, { rating: 5 }, { stock: 12 }] },
    },
    {
      // i3 is a Shirt: the Mug fragment selects nothing, so no call to `ratings` applies.
      name: 'type condition that does not apply',
      query: '{ item(id: "i3") { name stock ... on Mug { rating } } }',
      data: { item: { name: 'Polo', stock: 12 } },
    },
    {
      name: 'interface not found',
      query: '{ item(id: "nope") { name stock } }',
      data: { item: null },
    },
  ],
};
