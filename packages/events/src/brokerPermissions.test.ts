import { describe, expect, it } from 'vitest';
import { brokerPermissions, brokerServices } from './brokerPermissions.ts';
import { eventTypes } from './eventSchemas.ts';

const matches = (pattern: string, name: string) => new RegExp(pattern).test(name);

describe('brokerPermissions', () => {
  it('lets each service publish exactly the events it owns', () => {
    const publishers = Object.fromEntries(
      eventTypes.map((type) => [
        type,
        brokerServices.filter((s) => matches(brokerPermissions(s).topic.write, type)),
      ]),
    );
    expect(publishers['payment.succeeded']).toEqual(['payments']);
    expect(publishers['booking.confirmed']).toEqual(['bookings']);
    expect(publishers['user.registered']).toEqual(['users']);
    expect(publishers['review.deleted']).toEqual(['reviews']);
    for (const type of ['watchlist.added', 'watchlist.removed', 'watchlist.watched'] as const)
      expect(publishers[type]).toEqual(['watchlists']);
    for (const type of eventTypes) expect(publishers[type]).toHaveLength(1);
    expect(matches(brokerPermissions('notifications').topic.write, 'payment.succeeded')).toBe(
      false,
    );
  });

  it('lets a service read only its own queues, under its prefix', () => {
    const { read } = brokerPermissions('bookings', 'cg_test_1.');
    expect(matches(read, 'cg_test_1.bookings')).toBe(true);
    expect(matches(read, 'cg_test_1.bookings.dlq')).toBe(true);
    expect(matches(read, 'cg_test_1.cinegraph.events')).toBe(true);
    expect(matches(read, 'cg_test_1.payments')).toBe(false);
    expect(matches(read, 'cg_test_2.bookings')).toBe(false);
    expect(matches(read, 'cg_test_1xbookings')).toBe(false);
  });

  it('names the events exchange exactly (RabbitMQ matches topic permissions by name)', () => {
    expect(brokerPermissions('payments', 'cg_test_1.').topic.exchange).toBe(
      'cg_test_1.cinegraph.events',
    );
  });
});
