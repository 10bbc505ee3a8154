import type { MessageProperties, Options } from 'amqplib';

/** AMQP headers and queue arguments, as amqplib types them loosely. */
export type Headers = Record<string, unknown>;

/** A message as a queue of the in-process bus keeps it. */
export interface StoredMessage {
  /** Arrival order: a requeued message goes back to its place. */
  seq: number;
  exchange: string;
  routingKey: string;
  content: Buffer;
  properties: Partial<MessageProperties>;
  persistent: boolean;
  expiresAt: number | null;
  redelivered: boolean;
}

/** A stored message as amqplib hands it over, before the fields of `get` or `consume`. */
export function asDelivered(message: StoredMessage, deliveryTag: number) {
  return {
    content: message.content,
    fields: {
      deliveryTag,
      redelivered: message.redelivered,
      exchange: message.exchange,
      routingKey: message.routingKey,
    },
    properties: message.properties as MessageProperties,
  };
}

/** Publish options as the properties a consumer sees (amqplib's names). */
export function messageProperties(options: Options.Publish): Partial<MessageProperties> {
  const properties: Partial<MessageProperties> = {
    headers: { ...(options.headers as Headers | undefined) },
    deliveryMode:
      options.persistent || options.deliveryMode === 2 || options.deliveryMode === true ? 2 : 1,
  };
  if (options.contentType !== undefined) properties.contentType = options.contentType;
  if (options.contentEncoding !== undefined) properties.contentEncoding = options.contentEncoding;
  if (options.messageId !== undefined) properties.messageId = options.messageId;
  if (options.type !== undefined) properties.type = options.type;
  if (options.timestamp !== undefined) properties.timestamp = options.timestamp;
  if (options.correlationId !== undefined) properties.correlationId = options.correlationId;
  if (options.appId !== undefined) properties.appId = options.appId;
  if (options.userId !== undefined) properties.userId = options.userId;
  return properties;
}
