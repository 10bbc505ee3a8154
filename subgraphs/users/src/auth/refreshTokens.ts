import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { unauthenticated } from '@cinegraph/service-kit';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface RefreshTokenStore {
  /** Starts a new token family (a login or registration). */
  issue(userId: string): Promise<IssuedRefreshToken>;
  /**
   * Spends a refresh token and returns its successor in the same family. Spending a
   * token twice (a stolen, replayed token) revokes the whole family.
   */
  rotate(token: string): Promise<{ userId: string; next: IssuedRefreshToken }>;
  /** Revokes the family the token belongs to (logout). Unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
}

const tokenKey = (token: string) =>
  `users:refresh:${createHash('sha256').update(token).digest('hex')}`;
const familyKey = (familyId: string) => `users:refresh-family:${familyId}`;

/**
 * Opaque refresh tokens kept in Redis, only as SHA-256 hashes, with a TTL. A spent token
 * stays (marked) until it expires, so that its reuse can be recognised.
 */
export function createRefreshTokenStore(redis: Redis, ttlSeconds: number): RefreshTokenStore {
  async function issueInFamily(userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    await redis
      .multi()
      .hset(tokenKey(token), { userId, familyId })
      .expire(tokenKey(token), ttlSeconds)
      .set(familyKey(familyId), 'active', 'EX', ttlSeconds)
      .exec();
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  const invalid = () => unauthenticated('The refresh token is not valid.');

  return {
    issue: (userId) => issueInFamily(userId, randomUUID()),

    async rotate(token) {
      const key = tokenKey(token);
      const [userId, familyId] = await redis.hmget(key, 'userId', 'familyId');
      if (!userId || !familyId) throw invalid();
      if ((await redis.get(familyKey(familyId))) !== 'active') throw invalid();
      // HSETNX is atomic: of two concurrent uses of one token, exactly one wins.
      const firstUse = await redis.hsetnx(key, 'spentAt', new Date().toISOString());
      if (firstUse === 0) {
        await redis.set(familyKey(familyId), 'revoked', 'KEEPTTL');
        throw unauthenticated(
          'The refresh token was already used; every session of this login has been signed out.',
        );
      }
      return { userId, next: await issueInFamily(userId, familyId) };
    },

    async revoke(token) {
      const familyId = await redis.hget(tokenKey(token), 'familyId');
      if (familyId) await redis.set(familyKey(familyId), 'revoked', 'KEEPTTL');
    },
  };
}
