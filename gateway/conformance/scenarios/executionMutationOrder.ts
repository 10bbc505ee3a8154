import { GraphQLError } from 'graphql';
import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

/**
 * The account both subgraphs mutate (they run in one process). Each gateway is sent each
 * operation in turn, so every mutation operation starts with `reset`: its answer never
 * depends on what the other gateway did before.
 */
const account = { balance: 0, step: 0 };

/** What a mutation returns: the account after it, numbered by the step that made it. */
const snapshot = () => ({ id: String(account.step), balance: account.balance });

/**
 * Mutations on two subgraphs (`ledger` deposits and withdraws, `audit` doubles) in one
 * operation. The spec executes a mutation's root fields serially, each with its whole
 * selection (entity calls included) before the next: `liveBalance`, read by `audit` at
 * the time of its entity call, shows the balance right after that mutation.
 */
export const executionMutationOrder: Scenario = {
  name: 'execution-mutation-order',
  group: 'Execution details',
  description:
    'Mutation root fields on two subgraphs run in order, each with its entity calls finished before the next starts; a failing mutation does not stop the following ones.',
  subgraphs: [
    {
      name: 'ledger',
      typeDefs: `${federation2('@key')}
        type Query { balance: Int! }
        type Mutation {
          reset: Snapshot!
          deposit(amount: Int!): Snapshot!
          withdraw(amount: Int!): Snapshot
        }
        type Snapshot @key(fields: "id") { id: ID! balance: Int! }`,
      resolvers: {
        Query: { balance: () => account.balance },
        Mutation: {
          reset: () => {
            account.balance = 0;
            account.step = 0;
            return snapshot();
          },
          deposit: (_: unknown, { amount }: { amount: number }) => {
            account.balance += amount;
            account.step += 1;
            return snapshot();
          },
          withdraw: (_: unknown, { amount }: { amount: number }) => {
            if (amount > account.balance) throw new GraphQLError('Insufficient funds');
            account.balance -= amount;
            account.step += 1;
            return snapshot();
          },
        },
      },
    },
    {
      name: 'audit',
      typeDefs: `${federation2('@key')}
        type Mutation { double: Snapshot! }
        type Snapshot @key(fields: "id") { id: ID! liveBalance: Int! }`,
      resolvers: {
        Mutation: {
          double: () => {
            account.balance *= 2;
            account.step += 1;
            return snapshot();
          },
        },
        Snapshot: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          liveBalance: () => account.balance,
        },
      },
    },
  ],
  operations: [
    {
      // 0, +10 (read live as 10 before `double` runs), ×2 = 20, +1 = 21.
      name: 'serial across subgraphs, entity calls in between',
      query: `mutation {
        reset { balance }
        deposit(amount: 10) { balance liveBalance }
        double { liveBalance }
        last: deposit(amount: 1) { balance }
      }`,
      data: {
        reset: { balance: 0 },
        deposit: { balance: 10, liveBalance: 10 },
        double: { liveBalance: 20 },
        last: { balance: 21 },
      },
    },
    {
      // After the previous operation, whichever gateway sent it last.
      name: 'query sees the mutations',
      query: '{ balance }',
      data: { balance: 21 },
    },
    {
      // 0, +1, ×2, +1, ×2: any reordering of the four changes a number.
      name: 'alternating subgraphs',
      query: `mutation {
        reset { balance }
        a: deposit(amount: 1) { balance }
        b: double { liveBalance }
        c: deposit(amount: 1) { balance }
        d: double { liveBalance }
      }`,
      data: {
        reset: { balance: 0 },
        a: { balance: 1 },
        b: { liveBalance: 2 },
        c: { balance: 3 },
        d: { liveBalance: 6 },
      },
    },
    {
      // Steps number the mutations in order, consecutive fields of one subgraph included.
      name: 'consecutive mutations of one subgraph',
      query: `mutation {
        reset { id }
        a: deposit(amount: 2) { id balance }
        b: deposit(amount: 3) { id balance liveBalance }
      }`,
      data: {
        reset: { id: '0' },
        a: { id: '1', balance: 2 },
        b: { id: '2', balance: 5, liveBalance: 5 },
      },
    },
    {
      // Withdrawing 5 from 0 fails: `withdraw` is nullable, so it alone is null and the
      // next mutation still runs.
      name: 'a failing mutation does not stop the next',
      query: `mutation {
        reset { balance }
        withdraw(amount: 5) { balance }
        deposit(amount: 3) { balance liveBalance }
      }`,
      data: {
        reset: { balance: 0 },
        withdraw: null,
        deposit: { balance: 3, liveBalance: 3 },
      },
      errorPaths: [['withdraw']],
    },
  ],
};
