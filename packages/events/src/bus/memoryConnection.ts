import { EventEmitter } from 'node:events';
import { BusError } from './busError.ts';
import type { BusModel } from './busModel.ts';
import { MemoryChannel } from './memoryChannel.ts';
import type { ChannelConnection, ChannelServer } from './memoryChannel.ts';
import type { MemoryQueue } from './memoryQueue.ts';

/**
 * The bus (MemoryBusServer) as its connections use it, and hand it on to their channels:
 * declared here, rather than the server imported, because the server holds the connections.
 */
export interface ConnectionServer extends ChannelServer {
  readonly queues: ReadonlyMap<string, MemoryQueue>;
  /** Its open connections: a connection leaves when it ends. */
  readonly connections: Set<MemoryConnection>;
}

/**
 * A connection to an in-process bus, shaped as amqplib's ChannelModel (BusModel). It ends
 * in one of two ways: `close()`, asked for by its user (`close` is emitted without an
 * error), or `closeWithError()`, when it is lost: the bus shuts down, a test drops it as a
 * network failure would, or its recovering owner gives up on it (`error`, then `close` with
 * the error, so that a recovering connection reconnects). Either way its channels close
 * with it and its exclusive queues are deleted.
 */
export class MemoryConnection extends EventEmitter implements BusModel, ChannelConnection {
  readonly channels = new Set<MemoryChannel>();
  private open = true;

  constructor(
    readonly bus: ConnectionServer,
    readonly name: string,
    readonly user: string,
  ) {
    super();
  }

  async createChannel(): Promise<MemoryChannel> {
    return this.newChannel();
  }

  async createConfirmChannel(): Promise<MemoryChannel> {
    return this.newChannel();
  }

  private newChannel(): MemoryChannel {
    if (!this.open) throw new BusError(504, 'the connection is closed');
    const channel = new MemoryChannel(this);
    this.channels.add(channel);
    return channel;
  }

  async close(): Promise<void> {
    this.teardown();
    this.emit('close');
  }

  /** Lost, not closed: `close` is emitted with the error. */
  closeWithError(error: Error): void {
    if (!this.open) return;
    this.teardown();
    this.emit('error', error);
    this.emit('close', error);
  }

  private teardown(): void {
    if (!this.open) return;
    this.open = false;
    for (const channel of [...this.channels]) channel.closeWithConnection();
    for (const queue of [...this.bus.queues.values()])
      if (queue.settings.exclusiveOwner === this) this.bus.deleteQueue(queue.name);
    this.bus.connections.delete(this);
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    // Like amqplib's, an 'error' nobody listens to is not thrown.
    if (event === 'error' && !this.listenerCount('error')) return false;
    return super.emit(event, ...args);
  }
}
