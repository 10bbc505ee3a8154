import { describe, expect, it } from 'vitest';
import { eventProducers, eventTypes, producerOf } from './eventSchemas.ts';

describe('eventProducers', () => {
  it('gives every event type exactly one producer', () => {
    const listed = Object.values(eventProducers).flat();
    expect([...listed].sort()).toEqual([...eventTypes].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(producerOf('payment.succeeded')).toBe('payments');
    expect(producerOf('showtime.created')).toBe('movies');
  });
});
