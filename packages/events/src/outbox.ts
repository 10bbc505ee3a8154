import { activeTraceparent } from '@cinegraph/service-kit';
import type { EventData, EventType } from './eventSchemas.ts';
import type { EventEnvelope } from './envelope.ts';
import { createEnvelope } from './envelope.ts';

/** The PostgreSQL channel emit() notifies on commit, so the relay wakes at once. */
export const OUTBOX_CHANNEL = 'cinegraph_outbox';

/**
 * Anything that runs a parameterised statement: a Prisma interactive transaction (`tx`)
 * satisfies it, so this package needs no subgraph's generated client.
 */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

export interface EmitOptions {
  /** W3C trace context of the request causing the event (default: the active span's). */
  traceparent?: string | undefined;
}

/**
 * Records an event in the outbox inside the caller's transaction: it is published if and
 * only if the transaction commits. The NOTIFY is delivered on commit too (and dropped on
 * rollback), waking the relay without polling.
 */
export async function emit<Type extends EventType>(
  tx: SqlExecutor,
  type: Type,
  data: EventData<Type>,
  options: EmitOptions = {},
): Promise<EventEnvelope<Type>> {
  // The request's trace continues into the event (and so into its consumers).
  const event = createEnvelope(type, data, {
    traceparent: options.traceparent ?? activeTraceparent(),
  });
  await tx.$executeRaw`
    WITH recorded AS (
      INSERT INTO outbox (id, type, data, occurred_at, traceparent)
      VALUES (${event.id}::uuid, ${event.type}, ${JSON.stringify(event.data)}::jsonb,
              ${event.occurredAt}::timestamptz, ${event.traceparent ?? null})
      RETURNING id
    )
    SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM recorded`;
  return event;
}
