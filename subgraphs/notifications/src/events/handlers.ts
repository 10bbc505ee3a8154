import type { EventHandlers } from '@cinegraph/events';
import type { Tx } from './notify.ts';
import { notify } from './notify.ts';

/** What notifications does with each event it consumes (see packages/events subscriptions). */
export const handlers = {
  async 'user.registered'(tx, event) {
    const { userId, email, displayName } = event.data;
    await tx.recipient.upsert({
      where: { userId },
      create: { userId, email, displayName },
      update: { email, displayName },
    });
    await notify(tx, { userId, eventId: event.id, template: 'welcome', values: { displayName } });
  },
  async 'review.created'(tx, event) {
    const { userId, movieTitle, rating } = event.data;
    await notify(tx, {
      userId,
      eventId: event.id,
      template: 'reviewPublished',
      values: { movieTitle, rating },
    });
  },
} satisfies EventHandlers<Tx>;
