import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

interface Account {
  kind: 'User' | 'Admin';
  id: string;
  name: string | null;
}

const accounts: Account[] = [
  { kind: 'User', id: 'u1', name: 'Ada' },
  { kind: 'Admin', id: 'a1', name: null },
  { kind: 'User', id: 'u2', name: 'Alan' },
];
const emails: Record<string, string> = { u1: 'ada@example.com', u2: 'alan@example.com' };
const owner = accounts[0]!;

const findAccount = (ref: { id: string }) => accounts.find((account) => account.id === ref.id);

/**
 * `User.name` is `String!` in `accounts` and `String` in `directory` (the supergraph
 * has `String`), and `Admin.name` is `String`. In the supergraph, `... on User { name }
 * ... on Admin { name }` is valid; sent as is to `accounts` it is not (the two `name`s
 * have different types there), so the gateway must alias one. `Query.owner` is the
 * union `Account` in one subgraph and its member `User` in the other.
 */
export const abstractChildTypeMismatch: Scenario = {
  name: 'abstract-child-type-mismatch',
  group: 'Abstract types',
  description:
    'A shared field non-null in one subgraph and nullable in another, selected beside a same-named field of another union member; a shared field whose type is a union in one subgraph and a member in another.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { accounts: [Account!]! owner: Account @shareable }
        union Account = User | Admin
        type User @key(fields: "id") { id: ID! name: String! @shareable }
        type Admin @key(fields: "id") { id: ID! name: String }`,
      resolvers: {
        Query: { accounts: () => accounts, owner: () => owner },
        Account: { __resolveType: (account: Account) => account.kind },
        User: { __resolveReference: findAccount },
        Admin: { __resolveReference: findAccount },
      },
    },
    {
      name: 'directory',
      typeDefs: `${federation2('@key', '@shareable')}
        type Query { owner: User @shareable }
        type User @key(fields: "id") { id: ID! name: String @shareable email: String! }`,
      resolvers: {
        Query: { owner: () => owner },
        User: {
          __resolveReference: findAccount,
          email: (user: { id: string }) => emails[user.id],
        },
      },
    },
  ],
  operations: [
    {
      name: 'same field, different nullability, in two members',
      query: '{ accounts { __typename ... on User { id name } ... on Admin { id name } } }',
      data: {
        accounts: [
          { __typename: 'User', id: 'u1', name: 'Ada' },
          { __typename: 'Admin', id: 'a1', name: null },
          { __typename: 'User', id: 'u2', name: 'Alan' },
        ],
      },
    },
    {
      name: 'same alias, different nullability',
      query: '{ accounts { ... on User { label: name } ... on Admin { label: name } } }',
      data: { accounts: [{ label: 'Ada' }, { label: null }, { label: 'Alan' }] },
    },
    {
      name: 'mismatched field beside an entity call',
      query: '{ accounts { ... on User { name email } ... on Admin { name } } }',
      data: {
        accounts: [
          { name: 'Ada', email: 'ada@example.com' },
          { name: null },
          { name: 'Alan', email: 'alan@example.com' },
        ],
      },
    },
    {
      // Both subgraphs answer user u1; from `directory` the Admin fragment cannot apply.
      name: 'shared field typed as a union and as its member',
      query: '{ owner { __typename ... on User { id name email } ... on Admin { name } } }',
      data: { owner: { __typename: 'User', id: 'u1', name: 'Ada', email: 'ada@example.com' } },
    },
  ],
};
