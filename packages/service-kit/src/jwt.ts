import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { unauthenticated } from './errorCodes.ts';

export const JWT_ISSUER = 'cinegraph-users';
export const JWT_AUDIENCE = 'cinegraph';
export const JWT_ALGORITHM = 'ES256';

export const roles = ['USER', 'ADMIN', 'PARTNER'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as proven by a verified access token. */
export interface Viewer {
  id: string;
  role: Role;
}

export type AccessTokenVerifier = (authorization: string | undefined) => Promise<Viewer | null>;

/**
 * Verifies `Authorization: Bearer <jwt>` access tokens against a key set (the users
 * subgraph's JWKS, fetched and cached by jose, refetched for an unknown key id).
 * No header → anonymous (null). A malformed, expired or forged token → UNAUTHENTICATED.
 */
export function createAccessTokenVerifier(keys: URL | JWTVerifyGetKey): AccessTokenVerifier {
  const getKey = keys instanceof URL ? createRemoteJWKSet(keys, { cooldownDuration: 5_000 }) : keys;
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization);
    if (!match?.[1])
      throw unauthenticated('The Authorization header must be "Bearer <access token>".');
    try {
      const { payload } = await jwtVerify(match[1], getKey, {
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        algorithms: [JWT_ALGORITHM],
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || !roles.includes(role as Role)) {
        throw unauthenticated('The access token is missing its subject or role.');
      }
      return { id: payload.sub, role: role as Role };
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw unauthenticated('The access token has expired.');
      if (error instanceof errors.JOSEError)
        throw unauthenticated('The access token is not valid.');
      throw error;
    }
  };
}
