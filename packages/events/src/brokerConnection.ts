import { EventEmitter, once } from 'node:events';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';
import type { Logger } from 'pino';

/** A channel the broker connection keeps open: reopened after every reconnect or channel error. */
export interface ManagedChannel<C extends Channel> {
  /** The open channel, or null while the broker is unreachable. */
  readonly current: C | null;
}

export interface BrokerConnection {
  readonly isConnected: boolean;
  /**
   * Keeps a channel open: `open` runs on every (re)connection, and again when the channel
   * alone closes (a channel-level error) while the connection stays up. It declares what
   * the channel needs (exchanges, queues, consumers) each time.
   */
  manageChannel<C extends Channel>(
    name: string,
    open: (model: ChannelModel) => Promise<C>,
  ): Promise<ManagedChannel<C>>;
  /** Calls `listener` after every successful (re)connection. */
  onConnect(listener: () => void): void;
  /** Calls `listener` whenever the connection is lost (recovery is already under way). */
  onDisconnect(listener: () => void): void;
  /** Resolves once connected (the first connection or the next reconnect). */
  waitForConnection(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface BrokerOptions {
  url: string;
  /** Shown in RabbitMQ's management UI as the connection name. */
  name: string;
  logger: Logger;
}

const CHANNEL_REOPEN_DELAY_MS = 1_000;

interface Registration {
  name: string;
  open: (model: ChannelModel) => Promise<Channel>;
  handle: { current: Channel | null };
}

/**
 * One AMQP connection per process, on amqplib's built-in recovery: it reconnects with
 * exponential backoff forever (never giving up on a broker that comes back) and reopens
 * every managed channel on the new connection.
 */
export async function connectBroker(options: BrokerOptions): Promise<BrokerConnection> {
  const log = options.logger.child({ component: 'broker' });
  const registrations: Registration[] = [];
  const events = new EventEmitter();
  let model: ChannelModel | null = null;
  let closing = false;

  async function openChannel(registration: Registration, on: ChannelModel): Promise<void> {
    const channel = await registration.open(on);
    registration.handle.current = channel;
    channel.on('error', (error: Error) =>
      log.warn({ err: error, channel: registration.name }, 'channel error'),
    );
    channel.once('close', () => {
      if (registration.handle.current === channel) registration.handle.current = null;
      setTimeout(() => void reopen(registration, on), CHANNEL_REOPEN_DELAY_MS).unref();
    });
  }

  // A channel closed by the broker (e.g. a PRECONDITION_FAILED) on a connection that is
  // still up: open it again on that connection. After a reconnect, setup has done so.
  async function reopen(registration: Registration, on: ChannelModel): Promise<void> {
    if (closing || model !== on || registration.handle.current) return;
    try {
      await openChannel(registration, on);
      log.info({ channel: registration.name }, 'channel reopened');
    } catch (error) {
      log.warn({ err: error, channel: registration.name }, 'could not reopen channel; retrying');
      setTimeout(() => void reopen(registration, on), CHANNEL_REOPEN_DELAY_MS).unref();
    }
  }

  const connection = await connect(options.url, {
    clientProperties: { connection_name: options.name },
    recovery: {
      waitForConnect: false,
      initialDelay: 250,
      maxDelay: 10_000,
      maxRetries: Number.POSITIVE_INFINITY,
      async setup(next: ChannelModel) {
        for (const registration of registrations) await openChannel(registration, next);
      },
    },
  });
  connection.on('connect', (next: ChannelModel) => {
    model = next;
    log.info('connected to the broker');
    events.emit('connect');
  });
  connection.on('disconnect', (error: Error) => {
    model = null;
    for (const registration of registrations) registration.handle.current = null;
    if (!closing) log.warn({ err: error }, 'lost the broker connection; reconnecting');
    events.emit('disconnect');
  });
  connection.on('connect-failed', (error: Error) =>
    log.warn({ err: error }, 'cannot reach the broker'),
  );
  connection.on('error', (error: Error) => log.warn({ err: error }, 'broker connection error'));
  connection.on('blocked', (reason: string) =>
    log.warn({ reason }, 'the broker blocks publishing'),
  );
  connection.on('unblocked', () => log.info('the broker unblocked publishing'));

  return {
    get isConnected() {
      return model !== null;
    },
    async manageChannel<C extends Channel>(
      name: string,
      open: (model: ChannelModel) => Promise<C>,
    ) {
      const registration: Registration = { name, open, handle: { current: null } };
      registrations.push(registration);
      // Connected already: setup has run without this registration, so open it now.
      if (model) await openChannel(registration, model);
      return registration.handle as ManagedChannel<C>;
    },
    onConnect(listener) {
      events.on('connect', listener);
    },
    onDisconnect(listener) {
      events.on('disconnect', listener);
    },
    async waitForConnection(signal) {
      if (model) return;
      await once(events, 'connect', signal ? { signal } : {});
    },
    async close() {
      closing = true;
      for (const registration of registrations) {
        const channel = registration.handle.current;
        registration.handle.current = null;
        await channel?.close().catch(() => {});
      }
      await connection.close();
      model = null;
    },
  };
}
