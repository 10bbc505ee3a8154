import { SignJWT, generateKeyPair, importPKCS8 } from 'jose';
import { describe, expect, it } from 'vitest';
import { errorCodes, uniqueId } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      user {
        id
        email
        displayName
        role
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      user {
        id
        email
      }
    }
  }
`;
const REFRESH = /* GraphQL */ `
  mutation Refresh($token: String!) {
    refreshToken(refreshToken: $token) {
      accessToken
      refreshToken
      user {
        id
      }
    }
  }
`;
const ME = /* GraphQL */ `
  query Me {
    me {
      id
      email
      displayName
      role
      preferences {
        favoriteGenres {
          id
          name
        }
      }
    }
  }
`;

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

const newEmail = () => `viewer-${uniqueId()}@example.com`;
const PASSWORD = 'a long enough passphrase';

async function register(email = newEmail(), password = PASSWORD): Promise<Session> {
  const response = await stack.graphql<{ register: Session }>(REGISTER, {
    variables: { input: { email, password, displayName: 'Test Viewer' } },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.register;
}

describe('register', () => {
  it('creates an account and signs it in', async () => {
    const email = newEmail();
    const response = await stack.graphql<{ register: Session & { user: { role: string } } }>(
      REGISTER,
      {
        variables: {
          input: { email: email.toUpperCase(), password: PASSWORD, displayName: '  Ada  ' },
        },
      },
    );
    expect(response.errors).toBeUndefined();
    const session = response.data!.register;
    expect(session.user).toMatchObject({ email, displayName: 'Ada', role: 'USER' });
    expect(session.accessToken.split('.')).toHaveLength(3);
    expect(session.refreshToken.length).toBeGreaterThan(30);
  });

  it('refuses a taken email, whatever its case, with CONFLICT', async () => {
    const email = newEmail();
    await register(email);
    const again = await stack.graphql(REGISTER, {
      variables: { input: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Copy' } },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.data).toBeNull();
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password: PASSWORD, displayName: 'X' }, 'email'],
    ['a short password', { email: newEmail(), password: 'short', displayName: 'X' }, 'password'],
    [
      'an empty display name',
      { email: newEmail(), password: PASSWORD, displayName: '   ' },
      'displayName',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, input, field) => {
    const response = await stack.graphql(REGISTER, { variables: { input } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!['field']).toBe(field);
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .*\.ts/i);
  });
});

describe('login', () => {
  it('signs in with the right password', async () => {
    const email = newEmail();
    const { user } = await register(email);
    const response = await stack.graphql<{ login: Session }>(LOGIN, {
      variables: { input: { email, password: PASSWORD } },
    });
    expect(response.data!.login.user).toEqual({ id: user.id, email });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const email = newEmail();
    await register(email);
    const wrongPassword = await stack.graphql(LOGIN, {
      variables: { input: { email, password: 'wrong password!' } },
    });
    const unknownEmail = await stack.graphql(LOGIN, {
      variables: { input: { email: newEmail(), password: PASSWORD } },
    });
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknownEmail)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.errors![0]!.message).toBe(unknownEmail.errors![0]!.message);
  });

  it('throttles an email after 5 failures, even for the right password', async () => {
    const email = newEmail();
    await register(email);
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await stack.graphql(LOGIN, {
        variables: { input: { email, password: 'wrong password!' } },
      });
      expect(errorCodes(failed)).toEqual(['UNAUTHENTICATED']);
    }
    const blocked = await stack.graphql(LOGIN, {
      variables: { input: { email, password: PASSWORD } },
    });
    expect(errorCodes(blocked)).toEqual(['RATE_LIMITED']);
    expect(blocked.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(0);

    // Another client address is throttled separately.
    const elsewhere = await stack.graphql(LOGIN, {
      variables: { input: { email, password: PASSWORD } },
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(elsewhere.errors).toBeUndefined();
  });
});

describe('refresh tokens', () => {
  it('rotate on every use', async () => {
    const session = await register();
    const refreshed = await stack.graphql<{ refreshToken: Session }>(REFRESH, {
      variables: { token: session.refreshToken },
    });
    expect(refreshed.errors).toBeUndefined();
    const next = refreshed.data!.refreshToken;
    expect(next.user.id).toBe(session.user.id);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    const me = await stack.graphql<{ me: { id: string } }>(ME, { token: next.accessToken });
    expect(me.data!.me.id).toBe(session.user.id);
  });

  it('revoke the whole family when a spent token is reused', async () => {
    const session = await register();
    const first = await stack.graphql<{ refreshToken: Session }>(REFRESH, {
      variables: { token: session.refreshToken },
    });
    const successor = first.data!.refreshToken.refreshToken;

    const replay = await stack.graphql(REFRESH, { variables: { token: session.refreshToken } });
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    // The legitimate successor is revoked too: the thief and the owner are both signed out.
    const afterReplay = await stack.graphql(REFRESH, { variables: { token: successor } });
    expect(errorCodes(afterReplay)).toEqual(['UNAUTHENTICATED']);
  });

  it('are ended by logout, and unknown ones are refused', async () => {
    const session = await register();
    const logout = await stack.graphql<{ logout: boolean }>(
      'mutation($t: String!) { logout(refreshToken: $t) }',
      {
        variables: { t: session.refreshToken },
      },
    );
    expect(logout.data!.logout).toBe(true);
    expect(
      errorCodes(await stack.graphql(REFRESH, { variables: { token: session.refreshToken } })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.graphql(REFRESH, { variables: { token: 'made-up' } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

describe('access tokens at the gateway', () => {
  it('no token is anonymous', async () => {
    const response = await stack.graphql<{ me: null }>(ME);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ me: null });
  });

  it('a malformed token is UNAUTHENTICATED with HTTP 401', async () => {
    const response = await stack.graphql(ME, { token: 'not.a.jwt' });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired token is UNAUTHENTICATED', async () => {
    const { user } = await register();
    const key = await importPKCS8(await stack.signingKeyPem(), 'ES256');
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ role: 'USER' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(user.id)
      .setIssuer('cinegraph-users')
      .setAudience('cinegraph')
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(key);
    const response = await stack.graphql(ME, { token: expired });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors![0]!.message).toMatch(/expired/);
  });

  it('a token signed by another key is UNAUTHENTICATED, at the gateway and at a subgraph', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer('cinegraph-users')
      .setAudience('cinegraph')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(errorCodes(await stack.graphql(ME, { token: forged }))).toEqual(['UNAUTHENTICATED']);

    // Defense in depth: calling the movies subgraph directly with it fails too.
    const direct = await fetch(`${stack.urls['movies']}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(direct.status).toBe(401);
  });
});

describe('profile', () => {
  it('joins favorite genre names from the movies subgraph', async () => {
    const session = await register();
    const genres = await stack.graphql<{ genres: { id: string; name: string }[] }>(
      '{ genres { id name } }',
    );
    const [drama, western] = ['Drama', 'Western'].map((name) =>
      genres.data!.genres.find((g) => g.name === name)!,
    );

    const update = await stack.graphql(
      'mutation($ids: [ID!]) { updateProfile(input: { displayName: "Film Buff", favoriteGenreIds: $ids }) { displayName } }',
      { token: session.accessToken, variables: { ids: [western!.id, drama!.id] } },
    );
    expect(update.errors).toBeUndefined();

    const me = await stack.graphql<{
      me: { displayName: string; preferences: { favoriteGenres: { name: string }[] } };
    }>(ME, {
      token: session.accessToken,
    });
    expect(me.data!.me.displayName).toBe('Film Buff');
    expect(me.data!.me.preferences.favoriteGenres.map((g) => g.name)).toEqual(['Western', 'Drama']);
  });

  it('refuses malformed genre ids and anonymous callers', async () => {
    const session = await register();
    const malformed = await stack.graphql(
      'mutation { updateProfile(input: { favoriteGenreIds: ["nope"] }) { id } }',
      {
        token: session.accessToken,
      },
    );
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const anonymous = await stack.graphql(
      'mutation { updateProfile(input: { displayName: "X" }) { id } }',
    );
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('users (admin)', () => {
  const USERS =
    '{ users(first: 2) { totalCount edges { node { id email } } pageInfo { hasNextPage endCursor } } }';

  it('is FORBIDDEN to customers and UNAUTHENTICATED to anonymous callers', async () => {
    const session = await register();
    expect(errorCodes(await stack.graphql(USERS, { token: session.accessToken }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await stack.graphql(USERS))).toEqual(['UNAUTHENTICATED']);
  });

  it('pages through every account for an admin, emails included', async () => {
    await register();
    const login = await stack.graphql<{ login: Session }>(LOGIN, {
      variables: { input: { email: 'admin@cinegraph.dev', password: 'cinegraph-admin-password' } },
    });
    const token = login.data!.login.accessToken;
    type Page = {
      users: {
        totalCount: number;
        edges: { node: { id: string; email: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof stack.graphql<Page>>> = await stack.graphql<Page>(
        'query($after: String) { users(first: 2, after: $after) { totalCount edges { node { id email } } pageInfo { hasNextPage endCursor } } }',
        { token, variables: { after } },
      );
      expect(page.errors).toBeUndefined();
      total = page.data!.users.totalCount;
      for (const edge of page.data!.users.edges) {
        expect(edge.node.email).toContain('@');
        seen.push(edge.node.id);
      }
      after = page.data!.users.pageInfo.hasNextPage ? page.data!.users.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);

    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    const refused = await stack.graphql(
      'query($after: String) { users(after: $after) { totalCount } }',
      {
        token,
        variables: { after: forged },
      },
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
  });
});
