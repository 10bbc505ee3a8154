import { eventProducers } from './eventSchemas.ts';
import { eventConsumers } from './eventConsumers.ts';
import { EXCHANGE } from './topology.ts';

/** Every service that talks to the broker: the producers and the consumers. */
export const brokerServices = [
  ...new Set([...Object.keys(eventProducers), ...Object.keys(eventConsumers)]),
].sort();

/**
 * What one service's broker user may do on the vhost, as RabbitMQ's `set_permissions`
 * (regular expressions over exchange and queue names) and `set_topic_permissions` (an
 * exchange by its exact name, and regular expressions over its routing keys) take it.
 */
export interface BrokerPermissions {
  configure: string;
  write: string;
  read: string;
  topic: { exchange: string; write: string; read: string };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names: readonly string[]) => names.map(escape).join('|');

/**
 * Least privilege for `service` under a name prefix (EVENTS_PREFIX):
 * - configure: the exchange and the subscribing services' queues (a producer declares and
 *   binds them before it publishes, so an event is never unroutable; a consumer declares its
 *   own with their retry and dead-letter queues);
 * - write: the exchange, those queues (binding needs it) and the default exchange
 *   (`amq.default`: retries and dead letters are republished through it);
 * - read: the exchange (to bind) and only the service's own queues (to consume);
 * - topic: on the events exchange, publish only the routing keys of the events the service
 *   owns (none for a pure consumer). RabbitMQ lets anything through on an exchange with no
 *   topic permission, so the exchange is named exactly, never as a pattern.
 * Republishing through the default exchange can reach any queue; what stops a forgery
 * there is the consumers' check of the broker-validated `user_id` (producerIdentity.ts).
 */
export function brokerPermissions(service: string, prefix = ''): BrokerPermissions {
  const p = escape(prefix);
  const exchange = `${p}${escape(EXCHANGE)}`;
  const queues = anyOf(Object.keys(eventConsumers));
  const owned: readonly string[] = eventProducers[service as keyof typeof eventProducers] ?? [];
  return {
    configure: `^(${exchange}|${p}(${queues})(\\..+)?)$`,
    write: `^(${exchange}|${p}(${queues})(\\..+)?|amq\\.default)$`,
    read: `^(${exchange}|${p}${escape(service)}(\\..+)?)$`,
    topic: {
      exchange: `${prefix}${EXCHANGE}`,
      write: owned.length ? `^(${anyOf(owned)})$` : '^$',
      read: '.*',
    },
  };
}
