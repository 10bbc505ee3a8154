import type { EventType } from './eventSchemas.ts';
import { producerOf } from './eventSchemas.ts';

/**
 * Who may publish what, as a consumer checks it. Each service publishes as a broker user
 * of its own, and RabbitMQ validates the `user_id` property of every message against the
 * user that authenticated the connection (a mismatch is refused by the broker), so
 * `user_id` says who really sent a message. A consumer accepts an event when:
 * - the envelope's `producer` owns the event type (eventSchemas.ts `eventProducers`), and
 * - the message was sent by that producer's broker user, or by the consumer's own user
 *   (its retries and replays, republished after it had checked the original).
 *
 * Deployments name the users with a template (`EVENTS_PRODUCER_USER`, e.g. `{service}`).
 * Without one, every service shares this process's broker user (a developer machine's
 * `guest`): then the check still refuses anything not sent with that user's credentials,
 * but cannot tell one service from another.
 */
export interface ProducerIdentity {
  /** The broker user this process publishes as. */
  readonly self: string;
  /** The broker user `service` publishes as. */
  userOf(service: string): string;
  /** True when every service shares one broker user (no per-service check is possible). */
  readonly shared: boolean;
}

/** The broker user `service` publishes as under `template` (EVENTS_PRODUCER_USER). */
export function brokerUserFor(template: string, service: string): string {
  return template.replaceAll('{service}', service);
}

export function producerIdentity(self: string, template?: string): ProducerIdentity {
  if (!template) return { self, shared: true, userOf: () => self };
  return { self, shared: false, userOf: (service) => brokerUserFor(template, service) };
}

/** Why an event must be refused, or null when its producer may publish it. */
export function producerRefusal(
  event: { type: EventType; producer: string },
  userId: unknown,
  identity: ProducerIdentity,
): string | null {
  const owner = producerOf(event.type);
  if (event.producer !== owner)
    return `${event.type} is ${owner}'s event; "${event.producer}" may not publish it`;
  if (userId === identity.userOf(owner) || userId === identity.self) return null;
  const sender = typeof userId === 'string' ? `broker user "${userId}"` : 'no broker user';
  return `${event.type} was sent by ${sender}, not by ${owner}'s ("${identity.userOf(owner)}")`;
}
