export {
  eventSchemas,
  eventProducers,
  eventTypes,
  isEventType,
  producerOf,
} from './eventSchemas.ts';
export type { EventData, EventType, ProducingService } from './eventSchemas.ts';
export { eventsEnv } from './config.ts';
export type { EventsConfig } from './config.ts';
export { brokerUserOf, connectBroker, openBusModel } from './brokerConnection.ts';
export { brokerPermissions, brokerServices } from './brokerPermissions.ts';
export type { BrokerPermissions } from './brokerPermissions.ts';
export { BUS_PROTOCOLS, isMemoryBusUrl } from './bus/busModel.ts';
export type { BusChannel, BusConfirmChannel, BusModel } from './bus/busModel.ts';
export { dropMemoryBusConnections } from './bus/memoryBusRegistry.ts';
export type { BrokerConnection, BrokerOptions, ManagedChannel } from './brokerConnection.ts';
export { listDeadLetters, replayDeadLetters } from './deadLetters.ts';
export type { DeadLetter } from './deadLetters.ts';
export { createEnvelope, MalformedEventError, parseEnvelope } from './envelope.ts';
export type { AnyEventEnvelope, EventEnvelope } from './envelope.ts';
export { startEventConsumer } from './eventConsumer.ts';
export type {
  EventConsumer,
  EventConsumerOptions,
  EventHandler,
  EventHandlers,
} from './eventConsumer.ts';
export { createEventMetrics } from './eventMetrics.ts';
export type { EventMetrics } from './eventMetrics.ts';
export { emit, OUTBOX_CHANNEL } from './outbox.ts';
export type { EmitOptions, SqlExecutor } from './outbox.ts';
export { startOutboxRelay } from './outboxRelay.ts';
export { brokerUserFor, producerIdentity, producerRefusal } from './producerIdentity.ts';
export type { ProducerIdentity } from './producerIdentity.ts';
export type { OutboxBacklog, OutboxRelay, OutboxRelayOptions } from './outboxRelay.ts';
export {
  assertSubscriberQueues,
  deleteEventTopology,
  deleteQueueTopology,
  EXCHANGE,
  exchangeName,
  queueTopology,
} from './topology.ts';
export type { QueueTopology } from './topology.ts';
export { consumerTransaction, startServiceEvents } from './serviceEvents.ts';
export type { ServiceEvents, ServiceEventsOptions } from './serviceEvents.ts';
export { eventConsumers } from './eventConsumers.ts';
export type { ConsumingService } from './eventConsumers.ts';
export { createSleeper } from './sleeper.ts';
export type { Sleeper, SleepKind } from './sleeper.ts';
