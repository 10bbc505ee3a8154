import { GraphQLError } from 'graphql';
import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const accounts = [{ id: 'Account:1', name: 'Ada' }];
const chats = [{ id: 'Chat:1', text: 'Hello' }];
const karma: Record<string, number> = { 'Account:1': 42 };
const likes: Record<string, number> = { 'Chat:1': 7 };

/**
 * Reads a node id, `<Type>:<key>`. A well-formed id of nothing is null; a malformed one
 * is an error (a nullable field, so only that field is null).
 */
function findNode(id: string) {
  const match = /^([A-Z][A-Za-z]*):(\w+)$/.exec(id);
  if (!match) throw new GraphQLError(`Malformed node id: ${JSON.stringify(id)}`);
  if (match[1] === 'Account') return accounts.find((account) => account.id === id) ?? null;
  if (match[1] === 'Chat') return chats.find((chat) => chat.id === id) ?? null;
  return null;
}

/**
 * A Relay-style `Node` interface with `node(id:)` and `nodes(ids:)` in one subgraph, its
 * implementations extended by another. Ids are given well-formed, pointing at nothing,
 * malformed, and of the wrong JSON type in variables.
 */
export const executionNodeIds: Scenario = {
  name: 'execution-node-ids',
  group: 'Execution details',
  description:
    'node(id:) and nodes(ids:) over implementations extended by another subgraph, with ids of nothing, malformed ids and variables of the wrong type.',
  subgraphs: [
    {
      name: 'nodes',
      typeDefs: `${federation2('@key')}
        type Query { node(id: ID!): Node nodes(ids: [ID!]!): [Node]! }
        interface Node { id: ID! }
        type Account implements Node @key(fields: "id") { id: ID! name: String! }
        type Chat implements Node @key(fields: "id") { id: ID! text: String! }`,
      resolvers: {
        Query: {
          node: (_: unknown, { id }: { id: string }) => findNode(id),
          nodes: (_: unknown, { ids }: { ids: string[] }) =>
            ids.map((id) => {
              try {
                return findNode(id);
              } catch (error) {
                // An error as a list item nulls only that item.
                return error;
              }
            }),
        },
        Node: { __resolveType: (node: { id: string }) => node.id.split(':')[0] },
        Account: { __resolveReference: (ref: { id: string }) => findNode(ref.id) },
        Chat: { __resolveReference: (ref: { id: string }) => findNode(ref.id) },
      },
    },
    {
      name: 'social',
      typeDefs: `${federation2('@key')}
        type Account @key(fields: "id") { id: ID! karma: Int! }
        type Chat @key(fields: "id") { id: ID! likes: Int! }`,
      resolvers: {
        Account: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          karma: (account: { id: string }) => karma[account.id],
        },
        Chat: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          likes: (chat: { id: string }) => likes[chat.id],
        },
      },
    },
  ],
  operations: [
    {
      name: 'well-formed ids, fields from an entity call',
      query: `{
        a: node(id: "Account:1") { id ... on Account { name karma } }
        c: node(id: "Chat:1") { __typename id ... on Chat { text likes } }
      }`,
      data: {
        a: { id: 'Account:1', name: 'Ada', karma: 42 },
        c: { __typename: 'Chat', id: 'Chat:1', text: 'Hello', likes: 7 },
      },
    },
    {
      name: 'well-formed ids of nothing',
      query: '{ missing: node(id: "Account:404") { id } unknownType: node(id: "Planet:1") { id } }',
      data: { missing: null, unknownType: null },
    },
    {
      name: 'malformed id beside a good one',
      query:
        '{ bad: node(id: "Account:") { id ... on Account { karma } } good: node(id: "Account:1") { id } }',
      data: { bad: null, good: { id: 'Account:1' } },
      errorPaths: [['bad']],
    },
    {
      // The second id is malformed: that item alone is null, its error at its index.
      name: 'malformed id in a list, with entity calls for the rest',
      query:
        'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Account { karma } ... on Chat { likes } } }',
      variables: { ids: ['Account:1', 'not an id', 'Chat:1', 'Chat:404'] },
      data: {
        nodes: [{ id: 'Account:1', karma: 42 }, null, { id: 'Chat:1', likes: 7 }, null],
      },
      errorPaths: [['nodes', 1]],
    },
    {
      // ID accepts an Int variable, coerced to "42": malformed for the resolver.
      name: 'integer id variable',
      query: 'query ($id: ID!) { node(id: $id) { id } }',
      variables: { id: 42 },
      data: { node: null },
      errorPaths: [['node']],
    },
    {
      // Variable coercion fails: a request error, so no data at all.
      name: 'null for a non-null id variable',
      query: 'query ($id: ID!) { node(id: $id) { id } }',
      variables: { id: null },
      data: null,
      errors: true,
    },
    {
      name: 'object for an id variable',
      query: 'query ($id: ID!) { node(id: $id) { id } }',
      variables: { id: { type: 'Account', key: '1' } },
      data: null,
      errors: true,
    },
    {
      name: 'float for an id variable',
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: ['Account:1', 1.5] },
      data: null,
      errors: true,
    },
  ],
};
