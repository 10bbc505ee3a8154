// `npm run events:dead-letters -- list <service>`: what is parked in <service>.dlq, and why.
// `npm run events:dead-letters -- replay <service> [eventId ...]`: moves them (or the ones
// named) back to the service's queue with a fresh attempt count.
// Reads AMQP_URL (replay with the service's own broker credentials: its consumer trusts
// its own user), EVENTS_PREFIX and EVENTS_RETRY_DELAYS_MS like the services do. In
// embedded mode, stop `npm start` and point AMQP_URL at its journal:
//   AMQP_URL='memory://cinegraph?journal=.cinegraph/data/bus.journal'
// (the journal has one owner at a time; the next `npm start` delivers what was replayed).
import type { DeadLetter } from '@cinegraph/events';
import {
  brokerUserOf,
  eventsEnv,
  isMemoryBusUrl,
  listDeadLetters,
  openBusModel,
  queueTopology,
  replayDeadLetters,
  eventConsumers,
} from '@cinegraph/events';
import { ConfigError, loadConfig } from '@cinegraph/service-kit';

const services = Object.keys(eventConsumers);
const [command, service, ...ids] = process.argv.slice(2);
if ((command !== 'list' && command !== 'replay') || !service || !services.includes(service)) {
  console.error(
    `usage: npm run events:dead-letters -- list|replay <${services.join('|')}> [eventId ...]`,
  );
  process.exit(64);
}

let config;
try {
  config = loadConfig(
    {
      AMQP_URL: eventsEnv.AMQP_URL,
      EVENTS_PREFIX: eventsEnv.EVENTS_PREFIX,
      EVENTS_RETRY_DELAYS_MS: eventsEnv.EVENTS_RETRY_DELAYS_MS,
    },
    process.env,
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const topology = queueTopology(config.EVENTS_PREFIX, service, config.EVENTS_RETRY_DELAYS_MS);
// Replays go back to the service's queue sent as the service's own broker user, which its
// consumer trusts: on RabbitMQ give AMQP_URL the service's credentials; on the in-process
// bus the connection authenticates as the service.
const user = brokerUserOf(config.AMQP_URL, service);
const connection = await openBusModel(config.AMQP_URL, 'events:dead-letters', service).catch(
  (error: Error) => {
    console.error(
      isMemoryBusUrl(config.AMQP_URL)
        ? `Cannot open the in-process bus at AMQP_URL: ${error.message}`
        : `Cannot reach RabbitMQ at AMQP_URL: ${error.message}`,
    );
    process.exit(1);
  },
);
const channel = await connection.createConfirmChannel();
try {
  channel.on('error', () => {});
  const { queue } = await channel.checkQueue(topology.deadLetterQueue).catch(() => {
    console.error(`${topology.deadLetterQueue} does not exist: has ${service} ever started?`);
    process.exit(1);
  });
  const letters =
    command === 'list'
      ? await listDeadLetters(channel, topology)
      : await replayDeadLetters(channel, topology, ids, user);
  print(letters);
  console.log(
    command === 'list'
      ? `${letters.length} message(s) in ${queue}.`
      : `Replayed ${letters.length} message(s) from ${queue} to ${topology.queue}.`,
  );
} finally {
  // Channel first: amqplib may write a connection's Close ahead of frames still queued on a
  // channel, and an ack lost that way puts the replayed message back in the queue.
  await channel.close().catch(() => {});
  await connection.close();
}

function print(letters: DeadLetter[]): void {
  if (!letters.length) return;
  console.table(
    letters.map((letter) => ({
      id: letter.id ?? '(none)',
      type: letter.type ?? '(none)',
      attempts: letter.attempts,
      deadLetteredAt: letter.deadLetteredAt ?? '',
      reason: letter.reason.length > 100 ? `${letter.reason.slice(0, 97)}...` : letter.reason,
    })),
  );
}
