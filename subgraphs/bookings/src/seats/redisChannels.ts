import type { Redis } from 'ioredis';

export interface RedisChannels {
  /**
   * Calls `listener` with each message published on `channel` until the returned function
   * is called. Resolves once Redis has confirmed the subscription.
   */
  listen(channel: string, listener: (message: string) => void): Promise<() => void>;
  /** Channels this process is subscribed to (for metrics and leak checks). */
  size(): number;
}

/**
 * Redis pub/sub on one subscriber connection, shared by every listener of the process:
 * a channel is subscribed when its first listener comes and unsubscribed when its last
 * one goes. (ioredis sends the commands in order on the one connection, so a quick
 * unsubscribe-subscribe ends subscribed; it resubscribes by itself after a reconnection.)
 */
export function createRedisChannels(subscriber: Redis): RedisChannels {
  const listeners = new Map<string, Set<(message: string) => void>>();
  const confirmed = new Map<string, Promise<unknown>>();
  subscriber.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (set) for (const listener of set) listener(message);
  });
  return {
    async listen(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        confirmed.set(channel, subscriber.subscribe(channel));
      }
      const own = set;
      own.add(listener);
      const remove = () => {
        if (!own.delete(listener) || own.size > 0 || listeners.get(channel) !== own) return;
        listeners.delete(channel);
        confirmed.delete(channel);
        subscriber.unsubscribe(channel).catch(() => {
          // The connection is gone, and its subscriptions with it.
        });
      };
      try {
        await confirmed.get(channel);
      } catch (error) {
        remove();
        throw error;
      }
      return remove;
    },
    size: () => listeners.size,
  };
}
