import { emit } from '@cinegraph/events';
import type { Role } from '@cinegraph/service-kit';
import { conflict, unauthenticated } from '@cinegraph/service-kit';
import type { UsersContext } from '../context.ts';
import type { User } from '../generated/prisma/client.ts';
import type { LoginInput, RegisterInput } from '../schema.types.generated.ts';
import { normalizeEmail, validateDisplayName, validatePassword } from './validation.ts';

/**
 * Marks a user row as the caller's own although the request carries no token yet (the
 * payload of register, login and refresh), so that its private fields resolve.
 */
export const OWN_ACCOUNT = Symbol('own account');
export type SessionUser = User & { [OWN_ACCOUNT]?: true };

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: SessionUser;
}

type Deps = Pick<
  UsersContext,
  'db' | 'issueAccessToken' | 'refreshTokens' | 'loginThrottle' | 'passwords'
>;

async function startSession(
  deps: Deps,
  user: User,
  refresh?: { token: string; expiresAt: Date },
): Promise<Session> {
  const access = await deps.issueAccessToken({ id: user.id, role: user.role as Role });
  const next = refresh ?? (await deps.refreshTokens.issue(user.id));
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: next.token,
    refreshTokenExpiresAt: next.expiresAt,
    user: { ...user, [OWN_ACCOUNT]: true },
  };
}

export async function register(deps: Deps, input: RegisterInput, ip: string): Promise<Session> {
  const email = normalizeEmail(input.email);
  const password = validatePassword(input.password);
  const displayName = validateDisplayName(input.displayName);
  await deps.loginThrottle.registration(ip);
  if (await deps.db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw conflict('An account with that email already exists.');
  }
  const passwordHash = await deps.passwords.hash(password);
  // A concurrent registration can still win the race: the unique index answers P2002,
  // which the error formatter maps to CONFLICT. The event commits with the account, or
  // neither does.
  const user = await deps.db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email, displayName, passwordHash } });
    await emit(tx, 'user.registered', { userId: created.id, email, displayName });
    return created;
  });
  return startSession(deps, user);
}

const WRONG_CREDENTIALS = 'The email or password is wrong.';

export async function login(deps: Deps, input: LoginInput, ip: string): Promise<Session> {
  let email: string;
  try {
    email = normalizeEmail(input.email);
  } catch {
    // A malformed email cannot belong to an account: the same answer as a wrong password.
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  // Counted before the password is verified: concurrent guesses cannot all slip through.
  await deps.loginThrottle.attempt(email, ip);
  const user = await deps.db.user.findUnique({ where: { email } });
  if (!(await deps.passwords.verify(user?.passwordHash ?? null, input.password)) || !user)
    throw unauthenticated(WRONG_CREDENTIALS);
  await deps.loginThrottle.succeeded(email, ip);
  return startSession(deps, user);
}

export async function refresh(deps: Deps, refreshToken: string): Promise<Session> {
  const { userId, next } = await deps.refreshTokens.rotate(refreshToken);
  const user = await deps.db.user.findUnique({ where: { id: userId } });
  if (!user) {
    await deps.refreshTokens.revoke(next.token);
    throw unauthenticated('The account no longer exists.');
  }
  return startSession(deps, user, next);
}
