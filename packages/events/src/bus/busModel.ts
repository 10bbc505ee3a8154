import type { EventEmitter } from 'node:events';
import type { ConsumeMessage, GetMessage, Message, Options, Replies } from 'amqplib';

/**
 * The part of an AMQP channel CineGraph uses. amqplib's `Channel` has it (it is checked
 * structurally), and so has the in-process bus (memoryChannel.ts): code written against these
 * types runs on either, and cannot use what the in-process bus lacks.
 */
export interface BusChannel extends EventEmitter {
  close(): Promise<void>;
  assertExchange(
    exchange: string,
    type: 'topic',
    options?: Options.AssertExchange,
  ): Promise<Replies.AssertExchange>;
  assertQueue(queue: string, options?: Options.AssertQueue): Promise<Replies.AssertQueue>;
  checkQueue(queue: string): Promise<Replies.AssertQueue>;
  bindQueue(queue: string, source: string, pattern: string): Promise<Replies.Empty>;
  deleteQueue(queue: string): Promise<Replies.DeleteQueue>;
  deleteExchange(exchange: string): Promise<Replies.Empty>;
  /** False when the channel's buffer is full: wait for `drain` before publishing more. */
  publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options?: Options.Publish,
  ): boolean;
  consume(
    queue: string,
    onMessage: (message: ConsumeMessage | null) => void,
    options?: Options.Consume,
  ): Promise<Replies.Consume>;
  cancel(consumerTag: string): Promise<Replies.Cancel>;
  get(queue: string): Promise<GetMessage | false>;
  ack(message: Message): void;
  nack(message: Message, allUpTo?: boolean, requeue?: boolean): void;
  nackAll(requeue?: boolean): void;
  /** Unacknowledged deliveries a consumer of this channel may hold. */
  prefetch(count: number): Promise<Replies.Empty>;
}

/** A channel whose publishes the broker confirms once it has them safe. */
export interface BusConfirmChannel extends BusChannel {
  /** Resolves once every message published on the channel so far is confirmed. */
  waitForConfirms(): Promise<void>;
}

/** One connection to a bus (amqplib's `ChannelModel` has this shape). */
export interface BusModel {
  createChannel(): Promise<BusChannel>;
  createConfirmChannel(): Promise<BusConfirmChannel>;
  close(): Promise<void>;
}

/** The schemes `AMQP_URL` accepts: RabbitMQ, or the in-process bus. */
export const BUS_PROTOCOLS = ['amqp:', 'amqps:', 'memory:'] as const;

export function isMemoryBusUrl(url: string): boolean {
  return url.startsWith('memory:');
}
