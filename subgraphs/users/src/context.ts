import type DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createLoader, isUuid } from '@cinegraph/service-kit';
import type { createAccessTokenIssuer } from './auth/accessTokens.ts';
import type { LoginThrottle } from './auth/loginThrottle.ts';
import type { PasswordHasher } from './auth/passwords.ts';
import type { RefreshTokenStore } from './auth/refreshTokens.ts';
import type { PrismaClient, User } from './generated/prisma/client.ts';

/** What lives for the whole process. */
export interface UsersDeps {
  db: PrismaClient;
  issueAccessToken: ReturnType<typeof createAccessTokenIssuer>;
  refreshTokens: RefreshTokenStore;
  loginThrottle: LoginThrottle;
  passwords: PasswordHasher;
}

/** What one request carries. */
export interface UsersContext extends UsersDeps {
  viewer: Viewer | null;
  /** The client's address (X-Forwarded-For from the gateway), for login throttling. */
  ip: string;
  loaders: { userById: DataLoader<string, User | null> };
}

export function createContext(deps: UsersDeps, viewer: Viewer | null, ip: string): UsersContext {
  return {
    ...deps,
    viewer,
    ip,
    loaders: {
      userById: createLoader(
        (ids) => deps.db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
        (user) => user.id,
      ),
    },
  };
}
