import type { SessionFieldsFragment } from '../gql/graphql.ts';

/** A signed-in session as the users subgraph issued it (AuthPayload). */
export type Session = Omit<SessionFieldsFragment, '__typename'>;

/** Thrown when the session cannot be renewed (its refresh token is spent or expired). */
export class SessionEndedError extends Error {}

const STORAGE_KEY = 'cinegraph.session';
/** Renew this long before the access token expires, so that no request carries a dead one. */
const RENEW_MARGIN_MS = 30_000;

type Renew = (refreshToken: string) => Promise<Session>;

/**
 * The signed-in session, kept in localStorage so that it survives a reload and is shared
 * by the app's tabs. Access tokens are renewed silently: before a request when the token
 * is about to expire, or after the gateway said UNAUTHENTICATED. Refresh tokens rotate
 * and a reused one ends the whole login, so only one tab renews at a time (a Web Lock),
 * and a tab that waited uses what the other one got.
 */
export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<() => void>();
  private renewing: Promise<Session | null> | null = null;
  private renew: Renew | null = null;

  constructor(private readonly storage: Storage = window.localStorage) {
    this.session = this.read();
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      this.session = this.read();
      this.emit();
    });
  }

  /** How a refresh token is spent (the RefreshSession mutation), set once the client exists. */
  setRenewer(renew: Renew): void {
    this.renew = renew;
  }

  current = (): Session | null => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(session: Session | null): void {
    this.session = session;
    if (session) this.storage.setItem(STORAGE_KEY, JSON.stringify(session));
    else this.storage.removeItem(STORAGE_KEY);
    this.emit();
  }

  /** A usable access token, renewed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (!expiresSoon(session)) return session.accessToken;
    return (await this.renewNow())?.accessToken ?? null;
  }

  /**
   * Spends the refresh token for a new session, once for every caller in this tab and
   * once across tabs. Resolves to null (signed out) when the login has ended.
   */
  renewNow(): Promise<Session | null> {
    const stale = this.session;
    this.renewing ??= this.exclusively(async () => {
      // Another tab may have renewed while this one waited for the lock.
      const stored = this.read();
      if (stored && stored.refreshToken !== stale?.refreshToken && !expiresSoon(stored)) {
        this.session = stored;
        return stored;
      }
      if (!stored || !this.renew) return null;
      try {
        const next = await this.renew(stored.refreshToken);
        this.set(next);
        return next;
      } catch (error) {
        if (!(error instanceof SessionEndedError)) throw error;
        this.set(null);
        return null;
      }
    }).finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private exclusively<T>(task: () => Promise<T>): Promise<T> {
    // Web Locks exist in secure contexts (https, and http on localhost); elsewhere the
    // single flight above still holds within a tab.
    return navigator.locks
      ? (navigator.locks.request('cinegraph.session.renew', task) as Promise<T>)
      : task();
  }

  private read(): Session | null {
    try {
      const text = this.storage.getItem(STORAGE_KEY);
      return text ? (JSON.parse(text) as Session) : null;
    } catch {
      return null;
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function expiresSoon(session: Session): boolean {
  return Date.parse(session.accessTokenExpiresAt) - Date.now() < RENEW_MARGIN_MS;
}
