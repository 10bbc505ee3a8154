import type { Redis } from 'ioredis';
import type { PubSub } from '../pubSub.ts';
import { closeRedis } from './redisClient.ts';

/**
 * Redis pub/sub. Listening needs a connection of its own (a subscribed connection runs
 * no other command), opened on the first `listen` and shared by every listener of the
 * process: a channel is subscribed when its first listener comes and unsubscribed when
 * its last one goes. (ioredis sends the commands in order on the one connection, so a
 * quick unsubscribe-subscribe ends subscribed; it resubscribes by itself after a
 * reconnection.) ioredis's `keyPrefix` does not apply to channels: `prefix` does.
 */
export function createRedisPubSub(options: {
  publisher: Redis;
  openSubscriber: () => Redis;
  prefix: string;
}): PubSub & { close(): Promise<void> } {
  const { publisher, prefix } = options;
  let subscriber: Redis | undefined;
  const listeners = new Map<string, Set<(message: string) => void>>();
  const confirmed = new Map<string, Promise<unknown>>();

  function connection(): Redis {
    if (subscriber) return subscriber;
    const opened = options.openSubscriber();
    opened.on('message', (channel: string, message: string) => {
      const set = listeners.get(channel);
      if (set) for (const listener of set) listener(message);
    });
    subscriber = opened;
    return opened;
  }

  return {
    async publish(channel, message) {
      await publisher.publish(`${prefix}${channel}`, message);
    },
    async listen(name, listener) {
      const channel = `${prefix}${name}`;
      const redis = connection();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        confirmed.set(channel, redis.subscribe(channel));
      }
      const own = set;
      own.add(listener);
      const remove = () => {
        if (!own.delete(listener) || own.size > 0 || listeners.get(channel) !== own) return;
        listeners.delete(channel);
        confirmed.delete(channel);
        redis.unsubscribe(channel).catch(() => {
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
    channels: () => listeners.size,
    async close() {
      listeners.clear();
      if (subscriber) await closeRedis(subscriber);
    },
  };
}
