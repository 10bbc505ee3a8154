import type { EventHandlers } from '@cinegraph/events';
import type { Tx } from './notify.ts';
import { notify } from './notify.ts';

/** What notifications does with each event it consumes (see packages/events eventConsumers.ts). */
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
  async 'booking.confirmed'(tx, event) {
    // Said again for payments' reconciliation: the customer has the ticket already.
    if (event.data.restated) return;
    const { userId, showtimeId: _, restated: __, ...ticket } = event.data;
    await notify(tx, { userId, eventId: event.id, template: 'ticket', values: ticket });
  },
  async 'booking.cancelled'(tx, event) {
    const { userId, bookingId, reason, cause } = event.data;
    // A failed payment has its own message (payment.failed); one is enough.
    if (cause === 'payment_failed') return;
    await notify(tx, {
      userId,
      eventId: event.id,
      template: 'bookingCancelled',
      values: { bookingId, reason },
    });
  },
  async 'booking.expired'(tx, event) {
    const { userId, bookingId } = event.data;
    await notify(tx, {
      userId,
      eventId: event.id,
      template: 'bookingExpired',
      values: { bookingId },
    });
  },
  async 'payment.failed'(tx, event) {
    const { userId, bookingId, reason } = event.data;
    await notify(tx, {
      userId,
      eventId: event.id,
      template: 'paymentFailed',
      values: { bookingId, reason },
    });
  },
  async 'payment.refunded'(tx, event) {
    const { userId, bookingId, amountCents, currency } = event.data;
    await notify(tx, {
      userId,
      eventId: event.id,
      template: 'paymentRefunded',
      values: { bookingId, amountCents, currency },
    });
  },
} satisfies EventHandlers<Tx>;
