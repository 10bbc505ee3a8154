import type { PubSub } from '../pubSub.ts';
import type { MemoryServer } from './memoryServer.ts';

/**
 * Pub/sub in-process. As with Redis, a keyspace has one subscription per channel shared
 * by its listeners, and a message is delivered after `publish` returns (never inside it),
 * in the order published.
 */
export function createMemoryPubSub(
  server: MemoryServer,
  prefix: string,
): PubSub & { close(): Promise<void> } {
  const listeners = new Map<string, Set<(message: string) => void>>();
  const dispatchers = new Map<string, (message: string) => void>();

  function unsubscribe(channel: string): void {
    const dispatcher = dispatchers.get(channel);
    if (dispatcher) server.channels.get(channel)?.delete(dispatcher);
    if (server.channels.get(channel)?.size === 0) server.channels.delete(channel);
    dispatchers.delete(channel);
    listeners.delete(channel);
  }

  return {
    async publish(name, message) {
      const subscribed = server.channels.get(`${prefix}${name}`);
      if (!subscribed) return;
      const targets = [...subscribed];
      setImmediate(() => {
        for (const dispatch of targets) dispatch(message);
      });
    },
    async listen(name, listener) {
      const channel = `${prefix}${name}`;
      let own = listeners.get(channel);
      if (!own) {
        const set = new Set<(message: string) => void>();
        own = set;
        listeners.set(channel, set);
        const dispatcher = (message: string) => {
          for (const each of set) each(message);
        };
        dispatchers.set(channel, dispatcher);
        let subscribed = server.channels.get(channel);
        if (!subscribed) {
          subscribed = new Set();
          server.channels.set(channel, subscribed);
        }
        subscribed.add(dispatcher);
      }
      const set = own;
      set.add(listener);
      return () => {
        if (!set.delete(listener) || set.size > 0 || listeners.get(channel) !== set) return;
        unsubscribe(channel);
      };
    },
    channels: () => listeners.size,
    async close() {
      for (const channel of [...listeners.keys()]) unsubscribe(channel);
    },
  };
}
