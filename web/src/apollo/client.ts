import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
} from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { print } from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import { Observable, from, mergeMap } from 'rxjs';
import { RefreshSessionDocument } from '../gql/graphql.ts';
import type { RuntimeConfig } from './config.ts';
import type { SessionStore } from './session.ts';
import { SessionEndedError } from './session.ts';

/**
 * The production build sends persisted query ids only, from the manifest extracted at
 * build time (the gateway enforces the `web` client's safelist); the dev server sends the
 * operations' text as `web-dev`.
 */
const persisted = import.meta.env.PROD;
export const clientName = persisted ? 'web' : 'web-dev';

declare module '@apollo/client' {
  interface DefaultContext {
    /** Send no Authorization header (the refresh itself). */
    anonymous?: boolean;
    /** This operation was already retried with a renewed token. */
    renewed?: boolean;
  }
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          movies: relayStylePagination(['filter', 'orderBy']),
          showtimes: relayStylePagination(['city', 'date', 'movieId', 'theaterId']),
        },
      },
      Movie: {
        fields: {
          reviews: relayStylePagination(['orderBy']),
          ratingSummary: { merge: true },
        },
      },
      User: {
        fields: {
          bookings: relayStylePagination(['status']),
          notifications: relayStylePagination(['unreadOnly']),
          watchlist: relayStylePagination(),
        },
      },
      // A movie is on a user's watchlist at most once.
      WatchlistItem: { keyFields: ['movie', ['id']] },
      // A seat's id is the screen's seat: its status belongs to one showtime's map.
      ShowtimeSeat: { keyFields: false },
      SeatMapRow: { keyFields: false },
      BookedSeat: { keyFields: false },
      Money: { keyFields: false },
    },
  });
}

export interface CineGraphClient {
  client: ApolloClient;
  /** Calls back each time the socket (re)connects, for views that resync what they missed. */
  onSocketConnected(listener: () => void): () => void;
  dispose(): void;
}

export function createApolloClient(config: RuntimeConfig, session: SessionStore): CineGraphClient {
  const socket = createClient({
    url: config.subscriptionsUrl,
    lazy: true,
    // The gateway closes a socket whose access token expired (4403) or that it drains
    // (1001): connect again, with a fresh token, for as long as the page is open.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await session.accessToken().catch(() => null);
      // A browser cannot set headers on a socket: the client name rides in connection_init.
      return {
        'apollographql-client-name': clientName,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      };
    },
  });
  const connectedListeners = new Set<() => void>();
  socket.on('connected', () => connectedListeners.forEach((listener) => listener()));

  const auth = new SetContextLink(async (context) => {
    if (context.anonymous) return {};
    const token = await session.accessToken();
    return token ? { headers: { ...context.headers, authorization: `Bearer ${token}` } } : {};
  });

  // An access token the gateway refused (expired early, signing key rotated): renew once
  // and try again; a login that cannot be renewed is signed out.
  const renewOnUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
    const context = operation.getContext();
    if (context.anonymous || context.renewed || !session.current()) return;
    if (!isUnauthenticated(error)) return;
    return from(session.renewNow()).pipe(
      mergeMap(() => {
        operation.setContext({ renewed: true });
        return forward(operation);
      }),
    );
  });

  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    socketLink(socket),
    new HttpLink({ uri: config.graphqlUrl }),
  );

  const links: ApolloLink[] = [renewOnUnauthenticated, auth];
  if (persisted)
    links.push(
      new PersistedQueryLink({
        ...generatePersistedQueryIdsFromManifest({
          loadManifest: () => import('../../persisted-query-manifest.json'),
        }),
        // Never fall back to sending the text: the safelist would refuse it anyway.
        retry: () => false,
        disable: () => false,
      }),
    );
  links.push(transport);

  const client = new ApolloClient({
    link: ApolloLink.from(links),
    cache: createCache(),
    clientAwareness: { name: clientName, version: import.meta.env['VITE_APP_VERSION'] ?? 'dev' },
  });

  session.setRenewer(async (refreshToken) => {
    try {
      const { data } = await client.mutate({
        mutation: RefreshSessionDocument,
        variables: { refreshToken },
        context: { anonymous: true },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new SessionEndedError('no session');
      return data.refreshToken;
    } catch (error) {
      // Refused (spent, expired, reused): the login is over. Unreachable: try again later.
      if (CombinedGraphQLErrors.is(error) || (ServerError.is(error) && error.statusCode < 500))
        throw new SessionEndedError(error.message);
      throw error;
    }
  });

  return {
    client,
    onSocketConnected(listener) {
      connectedListeners.add(listener);
      return () => connectedListeners.delete(listener);
    },
    dispose() {
      void socket.dispose();
      client.stop();
    },
  };
}

/** The gateway's answer to a bad token: HTTP 401 with an UNAUTHENTICATED GraphQL error. */
function isUnauthenticated(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}

/**
 * Operations over graphql-ws. A persisted operation goes by its id alone (`query` empty,
 * `extensions.persistedQuery`), as over HTTP.
 */
function socketLink(socket: WsClient): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) =>
        socket.subscribe<ApolloLink.Result['data']>(
          {
            operationName: operation.operationName ?? null,
            variables: operation.variables,
            extensions: operation.extensions,
            query: operation.extensions['persistedQuery'] ? '' : print(operation.query),
          },
          {
            next: (result) => observer.next(result as ApolloLink.Result),
            error: (error) => observer.error(error instanceof Error ? error : socketError(error)),
            complete: () => observer.complete(),
          },
        ),
      ),
  );
}

function socketError(reason: unknown): Error {
  if (reason instanceof CloseEvent)
    return new Error(`The connection closed (${reason.code} ${reason.reason})`);
  if (Array.isArray(reason)) return new CombinedGraphQLErrors({ errors: reason });
  return new Error('The connection failed');
}
