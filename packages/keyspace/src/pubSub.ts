/**
 * Fire-and-forget messages on named channels (at most once: a listener that is not
 * listening when a message is published never sees it). Channels are under the
 * keyspace's prefix.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `listener` with each message published on `channel` until the returned function
   * is called. Resolves once the subscription is in place: a message published after
   * that reaches the listener.
   */
  listen(channel: string, listener: (message: string) => void): Promise<() => void>;
  /** Channels this keyspace listens to (for metrics and leak checks). */
  channels(): number;
}
