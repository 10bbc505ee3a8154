import type { GetMessage } from 'amqplib';
import type { BusChannel, BusConfirmChannel } from './bus/busModel.ts';
import { copyProperties, ownHeaders } from './eventConsumer.ts';
import type { QueueTopology } from './topology.ts';
import { headers } from './topology.ts';

export interface DeadLetter {
  /** The event id (the message id), when the message had one. */
  id: string | null;
  type: string | null;
  reason: string;
  attempts: number;
  deadLetteredAt: string | null;
  body: string;
}

function describe(message: GetMessage): DeadLetter {
  const { properties } = message;
  const own = properties.headers ?? {};
  return {
    id: typeof properties.messageId === 'string' ? properties.messageId : null,
    type: typeof properties.type === 'string' ? properties.type : null,
    reason: String(own[headers.reason] ?? 'unknown'),
    attempts: Number(own[headers.attempts] ?? 0),
    deadLetteredAt:
      typeof own[headers.deadLetteredAt] === 'string' ? own[headers.deadLetteredAt] : null,
    body: message.content.toString('utf8'),
  };
}

/**
 * Reads every message of the dead-letter queue without removing any: they are fetched
 * unacknowledged and handed back (in their places) when done.
 */
export async function listDeadLetters(
  channel: BusChannel,
  topology: QueueTopology,
): Promise<DeadLetter[]> {
  const held: GetMessage[] = [];
  try {
    for (;;) {
      const message = await channel.get(topology.deadLetterQueue);
      if (!message) break;
      held.push(message);
    }
    return held.map(describe);
  } finally {
    if (held.length) channel.nackAll(true);
  }
}

/**
 * Moves dead letters back to the service's queue with a fresh attempt count: all of them,
 * or those whose event ids are given. Each is acknowledged in the dead-letter queue only
 * after the broker confirmed its copy. The copies are sent as `userId`, the broker user of
 * the channel's connection: the service's consumer accepts its own user's replays
 * (producerIdentity.ts), so replay with the service's credentials. Returns what was replayed.
 */
export async function replayDeadLetters(
  channel: BusConfirmChannel,
  topology: QueueTopology,
  ids: readonly string[] | undefined,
  userId: string,
): Promise<DeadLetter[]> {
  const wanted = ids?.length ? new Set(ids) : null;
  const kept: GetMessage[] = [];
  const replayed: DeadLetter[] = [];
  // Only what is there now: a replayed message that fails again comes back to the end of
  // this queue, and must not be replayed (again and again) by this same run.
  const { messageCount } = await channel.checkQueue(topology.deadLetterQueue);
  try {
    for (let seen = 0; seen < messageCount; seen++) {
      const message = await channel.get(topology.deadLetterQueue);
      if (!message) break;
      const letter = describe(message);
      if (wanted && !(letter.id && wanted.has(letter.id))) {
        kept.push(message);
        continue;
      }
      const remaining = ownHeaders(message.properties.headers);
      delete remaining[headers.attempts];
      delete remaining[headers.reason];
      delete remaining[headers.deadLetteredAt];
      channel.publish('', topology.queue, message.content, {
        ...copyProperties(message),
        userId,
        headers: remaining,
      });
      await channel.waitForConfirms();
      channel.ack(message);
      replayed.push(letter);
    }
  } finally {
    for (const message of kept) channel.nack(message, false, true);
  }
  return replayed;
}
