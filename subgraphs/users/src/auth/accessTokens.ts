import type { JWTVerifyGetKey } from 'jose';
import { SignJWT, createLocalJWKSet } from 'jose';
import type { Role } from '@cinegraph/service-kit';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@cinegraph/service-kit';
import type { SigningKey } from './signingKey.ts';

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export function createAccessTokenIssuer(key: SigningKey, ttlSeconds: number) {
  return async (user: { id: string; role: Role }): Promise<IssuedAccessToken> => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: JWT_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(key.privateKey);
    return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
  };
}

/** The key set users verifies its own tokens with: the same JWKS it publishes. */
export function localKeySet(key: SigningKey): JWTVerifyGetKey {
  return createLocalJWKSet({ keys: [key.publicJwk] });
}
