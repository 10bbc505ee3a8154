import type { Consumer, MemoryQueue } from './memoryQueue.ts';
import type { StoredMessage } from './storedMessage.ts';

/** A delivery a channel holds until it is acknowledged, rejected or requeued. */
export interface UnackedDelivery {
  queue: MemoryQueue;
  message: StoredMessage;
  /** Null for a message taken with `get`. */
  consumer: Consumer | null;
}

/** What becomes of a delivery: gone for good, back to its place, or dead-lettered. */
export type Settlement = 'ack' | 'requeue' | 'reject';

/**
 * The deliveries a channel holds unacknowledged, by delivery tag. Tags count every delivery
 * of the channel, with or without acknowledgement. A held delivery counts against its
 * queue's unacknowledged messages and its consumer's prefetch until it is settled.
 */
export class UnackedDeliveries {
  private readonly byTag = new Map<number, UnackedDelivery>();
  private lastTag = 0;

  /** The tag of a delivery that needs no acknowledgement (nothing is held). */
  nextTag(): number {
    return ++this.lastTag;
  }

  /** Holds the delivery until it is settled; returns its delivery tag. */
  hold(queue: MemoryQueue, message: StoredMessage, consumer: Consumer | null): number {
    const deliveryTag = ++this.lastTag;
    this.byTag.set(deliveryTag, { queue, message, consumer });
    queue.unacked++;
    if (consumer) consumer.inFlight++;
    return deliveryTag;
  }

  /** Settles the delivery with that tag; false when none is held. */
  settle(deliveryTag: number, outcome: Settlement): boolean {
    const delivery = this.byTag.get(deliveryTag);
    if (!delivery) return false;
    this.byTag.delete(deliveryTag);
    const { queue, message, consumer } = delivery;
    queue.unacked--;
    if (consumer) consumer.inFlight--;
    if (outcome === 'ack') queue.bus.removed(queue, message);
    else if (outcome === 'requeue') queue.requeue(message);
    else queue.deadLetter(message, 'rejected');
    queue.scheduleDispatch();
    return true;
  }

  /** Settles every held delivery, in delivery order. */
  settleAll(outcome: Settlement): void {
    for (const tag of [...this.byTag.keys()].sort((a, b) => a - b)) this.settle(tag, outcome);
  }

  /** The tags held, up to and including this one. */
  tagsUpTo(deliveryTag: number): number[] {
    return [...this.byTag.keys()].filter((t) => t <= deliveryTag);
  }

  /** The messages held from a queue (for a compacted journal). */
  messagesFrom(queue: MemoryQueue): StoredMessage[] {
    return [...this.byTag.values()].filter((d) => d.queue === queue).map((d) => d.message);
  }
}
