import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { EventData, EventType } from './eventSchemas.ts';
import { eventSchemas, isEventType, producerOf } from './eventSchemas.ts';

/** What travels on the wire: the event's data plus what every event carries. */
export interface EventEnvelope<Type extends EventType = EventType> {
  /** UUIDv7: unique, and ordered by creation time. Consumers deduplicate on it. */
  id: string;
  type: Type;
  /**
   * The service that published it. Consumers check it owns the type, and that the broker
   * authenticated the message as that service's (producerIdentity.ts).
   */
  producer: string;
  /** ISO 8601, when the state change happened (the producer's clock). */
  occurredAt: string;
  data: EventData<Type>;
  /** W3C trace context of the request that caused the event, when there was one. */
  traceparent?: string;
}

/** Every event type's envelope, discriminated on `type`. */
export type AnyEventEnvelope = { [Type in EventType]: EventEnvelope<Type> }[EventType];

/** Builds an envelope; throws (a programming error) when `data` breaks its schema. */
export function createEnvelope<Type extends EventType>(
  type: Type,
  data: EventData<Type>,
  options: { traceparent?: string | undefined; now?: Date; producer?: string } = {},
): EventEnvelope<Type> {
  const parsed = eventSchemas[type].safeParse(data);
  if (!parsed.success) {
    throw new TypeError(`Invalid ${type} event: ${z.prettifyError(parsed.error)}`);
  }
  return {
    id: uuidv7(),
    type,
    producer: options.producer ?? producerOf(type),
    occurredAt: (options.now ?? new Date()).toISOString(),
    data: parsed.data as EventData<Type>,
    ...(options.traceparent ? { traceparent: options.traceparent } : {}),
  };
}

/** Why a message cannot be processed however often it is retried. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

const envelopeShape = z.object({
  id: z.uuid(),
  type: z.string(),
  /** Absent from an earlier version's events: then the type's owner is assumed. */
  producer: z.string().min(1).max(100).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.unknown(),
  traceparent: z.string().max(256).optional(),
});

/**
 * Reads a message body as an envelope of a known type whose data matches its schema, or
 * throws MalformedEventError saying what is wrong.
 */
export function parseEnvelope(body: Buffer): AnyEventEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedEventError('the body is not JSON');
  }
  const envelope = envelopeShape.safeParse(json);
  if (!envelope.success) {
    throw new MalformedEventError(`not an event envelope: ${z.prettifyError(envelope.error)}`);
  }
  const { type } = envelope.data;
  if (!isEventType(type)) throw new MalformedEventError(`unknown event type "${type}"`);
  const data = eventSchemas[type].safeParse(envelope.data.data);
  if (!data.success) {
    throw new MalformedEventError(`invalid ${type} data: ${z.prettifyError(data.error)}`);
  }
  return {
    ...envelope.data,
    type,
    producer: envelope.data.producer ?? producerOf(type),
    data: data.data,
  } as AnyEventEnvelope;
}
