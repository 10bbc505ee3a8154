import { expect } from 'vitest';
import { uniqueId } from '@cinegraph/testing';
import type { TestStack } from '@cinegraph/stack/testing';

export interface Account {
  id: string;
  token: string;
}

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`;

type AuthPayload = { accessToken: string; user: { id: string } };

/** A new account, registered through the gateway. */
export async function register(stack: TestStack, displayName: string): Promise<Account> {
  const response = await stack.graphql<{ register: AuthPayload }>(REGISTER, {
    variables: {
      input: {
        email: `${uniqueId()}@example.test`,
        password: 'a long enough password',
        displayName,
      },
    },
  });
  expect(response.errors).toBeUndefined();
  return { id: response.data!.register.user.id, token: response.data!.register.accessToken };
}

/** The seeded accounts (see the users seed and the README). */
export const seededAccounts = {
  admin: { email: 'admin@cinegraph.dev', password: 'cinegraph-admin-password' },
  alice: { email: 'alice@cinegraph.dev', password: 'cinegraph-demo-password' },
};

/** An existing account, signed in through the gateway. */
export async function signIn(
  stack: TestStack,
  credentials: { email: string; password: string },
): Promise<Account> {
  const response = await stack.graphql<{ login: AuthPayload }>(LOGIN, {
    variables: { input: credentials },
  });
  expect(response.errors).toBeUndefined();
  return { id: response.data!.login.user.id, token: response.data!.login.accessToken };
}

/** The seeded admin, signed in through the gateway. */
export const signInAdmin = (stack: TestStack) => signIn(stack, seededAccounts.admin);
