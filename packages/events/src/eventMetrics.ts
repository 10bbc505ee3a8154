import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';

/** malformed: can never be processed; exhausted: retried to the end; forged: see producerIdentity.ts. */
export type DeadLetterReason = 'malformed' | 'exhausted' | 'forged';

/** The event counters of one process, registered on its Prometheus registry. */
export interface EventMetrics {
  published: Counter<'type'>;
  consumed: Counter<'queue' | 'type' | 'outcome'>;
  retried: Counter<'queue' | 'type'>;
  deadLettered: Counter<'queue' | 'reason'>;
  /** From the event's occurredAt to the consumer's commit. */
  lag: Histogram<'queue' | 'type'>;
  registry: Registry;
}

export function createEventMetrics(registry: Registry): EventMetrics {
  return {
    registry,
    published: new Counter({
      name: 'events_published_total',
      help: 'Events the outbox relay published and the broker confirmed, by type.',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    consumed: new Counter({
      name: 'events_consumed_total',
      help: 'Events a consumer acknowledged, by queue, type and outcome (handled, duplicate).',
      labelNames: ['queue', 'type', 'outcome'] as const,
      registers: [registry],
    }),
    retried: new Counter({
      name: 'events_retried_total',
      help: 'Handler failures scheduled for another attempt, by queue and type.',
      labelNames: ['queue', 'type'] as const,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'events_dead_lettered_total',
      help: 'Messages parked in a dead-letter queue, by queue and reason (malformed, exhausted).',
      labelNames: ['queue', 'reason'] as const,
      registers: [registry],
    }),
    lag: new Histogram({
      name: 'events_end_to_end_seconds',
      help: "From an event's occurredAt to the commit of the consumer that handled it.",
      labelNames: ['queue', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}
