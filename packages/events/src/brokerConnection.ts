import { EventEmitter, once } from 'node:events';
import { connect } from 'amqplib';
import type { Logger } from 'pino';
import type { BusChannel, BusModel } from './bus/busModel.ts';
import { isMemoryBusUrl } from './bus/busModel.ts';
import type { MemoryConnection } from './bus/memoryConnection.ts';
import { acquireMemoryBus } from './bus/memoryBusRegistry.ts';

/** A channel the broker connection keeps open: reopened after every reconnect or channel error. */
export interface ManagedChannel<C extends BusChannel> {
  /** The open channel, or null while the broker is unreachable. */
  readonly current: C | null;
}

export interface BrokerConnection {
  readonly isConnected: boolean;
  /** The broker user this connection authenticates as (what RabbitMQ validates `user_id` against). */
  readonly user: string;
  /**
   * Keeps a channel open: `open` runs on every (re)connection, and again when the channel
   * alone closes (a channel-level error) while the connection stays up. It declares what
   * the channel needs (exchanges, queues, consumers) each time.
   */
  manageChannel<C extends BusChannel>(
    name: string,
    open: (model: BusModel) => Promise<C>,
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
  /** `amqp://` or `amqps://` for RabbitMQ; `memory://<name>[?journal=<file>]` in-process. */
  url: string;
  /** Shown in RabbitMQ's management UI as the connection name. */
  name: string;
  /** On the in-process bus, the user it authenticates as (default: `name`). */
  user?: string;
  logger: Logger;
}

/**
 * The broker user a connection to `url` authenticates as: the URL's user on RabbitMQ
 * (`guest` when it names none, as amqplib does), `user` on the in-process bus.
 */
export function brokerUserOf(url: string, user: string): string {
  if (isMemoryBusUrl(url)) return user;
  return decodeURIComponent(new URL(url).username) || 'guest';
}

const CHANNEL_REOPEN_DELAY_MS = 1_000;
const MEMORY_RECONNECT_DELAY_MS = 250;

interface Registration {
  name: string;
  open: (model: BusModel) => Promise<BusChannel>;
  handle: { current: BusChannel | null };
}

/**
 * A connection that recovers by itself: emits `connect` with a fresh model after `setup`
 * ran on it, and `disconnect` when it is lost. amqplib's recovering connection is one.
 */
interface RecoveringConnection extends EventEmitter {
  close(): Promise<void>;
}

function openRecovering(
  options: BrokerOptions,
  setup: (model: BusModel) => Promise<void>,
): Promise<RecoveringConnection> {
  if (isMemoryBusUrl(options.url)) return recoveringMemoryConnection(options, setup);
  return connect(options.url, {
    clientProperties: { connection_name: options.name },
    recovery: {
      waitForConnect: false,
      initialDelay: 250,
      maxDelay: 10_000,
      maxRetries: Number.POSITIVE_INFINITY,
      setup,
    },
  });
}

/** The in-process bus behind the same recovering shape (a dropped connection comes back). */
async function recoveringMemoryConnection(
  options: BrokerOptions,
  setup: (model: BusModel) => Promise<void>,
): Promise<RecoveringConnection> {
  const { server, release } = await acquireMemoryBus(options.url);
  const emitter = new EventEmitter();
  let closed = false;
  let current: MemoryConnection | null = null;
  const attach = async () => {
    if (closed || server.closed) return;
    const connection = server.connect(options.name, options.user ?? options.name);
    current = connection;
    connection.once('close', (error?: Error) => {
      if (current === connection) current = null;
      if (closed || !error) return;
      emitter.emit('disconnect', error);
      setTimeout(() => void attach(), MEMORY_RECONNECT_DELAY_MS).unref();
    });
    try {
      await setup(connection);
    } catch (error) {
      emitter.emit('connect-failed', error);
      connection.closeWithError(error as Error);
      return;
    }
    emitter.emit('connect', connection);
  };
  // Connects after the caller has attached its listeners, as amqplib's recovery does.
  setImmediate(() => void attach());
  return Object.assign(emitter, {
    async close() {
      closed = true;
      await current?.close();
      await release();
    },
  });
}

/**
 * One bus connection per process, recovering by itself: on RabbitMQ it is amqplib's
 * built-in recovery, which reconnects with exponential backoff forever (never giving up on
 * a broker that comes back); on the in-process bus, a dropped connection comes back the
 * same way. Every managed channel is reopened on the new connection.
 */
export async function connectBroker(options: BrokerOptions): Promise<BrokerConnection> {
  const log = options.logger.child({ component: 'broker' });
  const registrations: Registration[] = [];
  const events = new EventEmitter();
  let model: BusModel | null = null;
  let closing = false;

  async function openChannel(registration: Registration, on: BusModel): Promise<void> {
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
  async function reopen(registration: Registration, on: BusModel): Promise<void> {
    if (closing || model !== on || registration.handle.current) return;
    try {
      await openChannel(registration, on);
      log.info({ channel: registration.name }, 'channel reopened');
    } catch (error) {
      log.warn({ err: error, channel: registration.name }, 'could not reopen channel; retrying');
      setTimeout(() => void reopen(registration, on), CHANNEL_REOPEN_DELAY_MS).unref();
    }
  }

  const connection = await openRecovering(options, async (next) => {
    for (const registration of registrations) await openChannel(registration, next);
  });
  let connections = 0;
  connection.on('connect', (next: BusModel) => {
    model = next;
    // The first connection is part of starting; a later one ends an outage worth seeing.
    if (connections++) log.info('reconnected to the broker');
    else log.debug('connected to the broker');
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
    user: brokerUserOf(options.url, options.user ?? options.name),
    async manageChannel<C extends BusChannel>(name: string, open: (model: BusModel) => Promise<C>) {
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

/**
 * A plain connection (no recovery) to the bus at `url`, for tools and tests: the
 * dead-letter commands, a test's own publisher. Closing it ends it.
 */
export async function openBusModel(
  url: string,
  name: string,
  /** On the in-process bus, the user it authenticates as (default: `name`). */
  user = name,
): Promise<BusModel> {
  if (!isMemoryBusUrl(url)) {
    const model = await connect(url, { clientProperties: { connection_name: name } });
    // Failures surface as the rejections of the operations that meet them; an 'error'
    // event nobody listens to would end the process instead.
    model.on('error', () => {});
    return model;
  }
  const { server, release } = await acquireMemoryBus(url);
  const connection = server.connect(name, user);
  return {
    createChannel: () => connection.createChannel(),
    createConfirmChannel: () => connection.createConfirmChannel(),
    async close() {
      await connection.close();
      await release();
    },
  };
}
