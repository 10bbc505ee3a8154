import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import type { Gauge } from 'prom-client';
import { WebSocket } from 'ws';

export interface UpstreamSubscriptions {
  /**
   * Opens a subscription on a subgraph, over graphql-ws on its routing URL, with the
   * caller's Authorization in `connection_init`. Returns the function that ends it.
   */
  subscribe(
    subgraph: string,
    payload: SubscribePayload,
    authorization: string | undefined,
    sink: Sink<FormattedExecutionResult<Record<string, unknown>, unknown>>,
  ): () => void;
  /** Ends every stream and closes every socket. */
  close(): Promise<void>;
}

/** `http://host:4005/graphql` → `ws://host:4005/graphql`. */
export function webSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The gateway's side of upstream subscriptions: one graphql-ws socket per subgraph and
 * caller (anonymous callers share one), multiplexing every stream opened with that
 * identity, closed when its last stream ends. Nothing is retried: a socket that fails
 * ends its streams with an error, and the clients (whose libraries reconnect) subscribe
 * again.
 */
export function createUpstreamSubscriptions(options: {
  /** The routing URL of each subgraph by name (HTTP; the socket is on the same URL). */
  urls: ReadonlyMap<string, string>;
  keepAliveMs: number;
  streams: Gauge<'subgraph'>;
}): UpstreamSubscriptions {
  const sockets = new Map<string, { client: Client; streams: number }>();

  return {
    subscribe(subgraph, payload, authorization, sink) {
      const url = options.urls.get(subgraph);
      if (!url) {
        sink.error(new Error(`No routing URL for subgraph "${subgraph}"`));
        return () => {};
      }
      const key = `${subgraph}\0${authorization ?? ''}`;
      let socket = sockets.get(key);
      if (!socket) {
        socket = {
          client: createClient({
            url: webSocketUrl(url),
            webSocketImpl: WebSocket,
            connectionParams: authorization ? { authorization } : {},
            lazy: true,
            lazyCloseTimeout: 0,
            retryAttempts: 0,
            keepAlive: options.keepAliveMs,
          }),
          streams: 0,
        };
        sockets.set(key, socket);
      }
      const own = socket;
      own.streams++;
      options.streams.inc({ subgraph });
      let open = true;
      const release = () => {
        if (!open) return;
        open = false;
        own.streams--;
        options.streams.dec({ subgraph });
        if (own.streams === 0 && sockets.get(key) === own) {
          sockets.delete(key);
          void own.client.dispose();
        }
      };
      const unsubscribe = own.client.subscribe<Record<string, unknown>>(payload, {
        next: (result) => sink.next(result),
        error(error) {
          release();
          sink.error(error);
        },
        complete() {
          release();
          sink.complete();
        },
      });
      return () => {
        if (!open) return;
        unsubscribe();
        release();
      };
    },
    async close() {
      const clients = [...sockets.values()].map((socket) => socket.client);
      sockets.clear();
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}
