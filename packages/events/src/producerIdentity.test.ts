import { describe, expect, it } from 'vitest';
import { producerIdentity, producerRefusal } from './producerIdentity.ts';

const succeeded = { type: 'payment.succeeded' as const, producer: 'payments' };

describe('producerRefusal', () => {
  const perService = producerIdentity('bookings', 'cg-{service}');

  it('accepts an event its owner sent, or this consumer re-queued', () => {
    expect(producerRefusal(succeeded, 'cg-payments', perService)).toBeNull();
    expect(producerRefusal(succeeded, 'bookings', perService)).toBeNull();
  });

  it('refuses an event whose claimed producer does not own its type', () => {
    expect(
      producerRefusal({ ...succeeded, producer: 'notifications' }, 'cg-notifications', perService),
    ).toMatch(/payments's event; "notifications" may not publish it/);
  });

  it('refuses an event another broker user sent, or one no user vouches for', () => {
    expect(producerRefusal(succeeded, 'cg-notifications', perService)).toMatch(
      /sent by broker user "cg-notifications", not by payments's \("cg-payments"\)/,
    );
    expect(producerRefusal(succeeded, undefined, perService)).toMatch(/sent by no broker user/);
  });

  it('with one shared user, accepts only what that user sent', () => {
    const shared = producerIdentity('guest');
    expect(shared.shared).toBe(true);
    expect(producerRefusal(succeeded, 'guest', shared)).toBeNull();
    expect(producerRefusal(succeeded, 'mallory', shared)).not.toBeNull();
  });
});
