import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { KeyValueStore } from '@cinegraph/keyspace';
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

interface TokenRecord {
  userId: string;
  familyId: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const tokenKey = (token: string) => `users:refresh:${hashOf(token)}`;
const spentKey = (token: string) => `users:refresh-spent:${hashOf(token)}`;
const familyKey = (familyId: string) => `users:refresh-family:${familyId}`;

/**
 * Opaque refresh tokens kept in the keyspace's store, only as SHA-256 hashes, with a TTL.
 * A spent token is marked until it would have expired, so that its reuse can be
 * recognised. A revoked family is marked for one token lifetime: every token of the
 * family issued before the revocation has expired by then.
 */
export function createRefreshTokenStore(
  store: KeyValueStore,
  ttlSeconds: number,
): RefreshTokenStore {
  const ttlMs = ttlSeconds * 1000;

  async function issueInFamily(userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const record: TokenRecord = { userId, familyId };
    await store.set(tokenKey(token), JSON.stringify(record), { ttlMs });
    return { token, expiresAt: new Date(Date.now() + ttlMs) };
  }

  const revokeFamily = (familyId: string) => store.set(familyKey(familyId), 'revoked', { ttlMs });
  const invalid = () => unauthenticated('The refresh token is not valid.');
  const recordOf = async (token: string): Promise<TokenRecord | null> => {
    const stored = await store.get(tokenKey(token));
    return stored ? (JSON.parse(stored) as TokenRecord) : null;
  };

  return {
    issue: (userId) => issueInFamily(userId, randomUUID()),

    async rotate(token) {
      const record = await recordOf(token);
      if (!record) throw invalid();
      if ((await store.get(familyKey(record.familyId))) === 'revoked') throw invalid();
      // Set-if-absent is atomic: of two concurrent uses of one token, exactly one wins.
      const firstUse = await store.set(spentKey(token), new Date().toISOString(), {
        ttlMs,
        onlyIfAbsent: true,
      });
      if (!firstUse) {
        await revokeFamily(record.familyId);
        throw unauthenticated(
          'The refresh token was already used; every session of this login has been signed out.',
        );
      }
      return { userId: record.userId, next: await issueInFamily(record.userId, record.familyId) };
    },

    async revoke(token) {
      const record = await recordOf(token);
      if (record) await revokeFamily(record.familyId);
    },
  };
}
