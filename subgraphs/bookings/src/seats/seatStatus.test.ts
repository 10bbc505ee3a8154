import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '../generated/prisma/client.ts';
import type { SeatClaims } from './seatStatus.ts';
import { seatStatus } from './seatStatus.ts';

const claims = (booking?: BookingStatus, held = false): SeatClaims => ({
  reserved: new Map(booking ? [['A1', booking]] : []),
  held: new Set(held ? ['A1'] : []),
});

describe('seatStatus', () => {
  it('is SOLD when a CONFIRMED booking reserves the seat, held in Redis or not', () => {
    expect(seatStatus(claims('CONFIRMED'), 'A1')).toBe('SOLD');
    expect(seatStatus(claims('CONFIRMED', true), 'A1')).toBe('SOLD');
  });

  it.each<BookingStatus>(['PENDING_PAYMENT', 'CANCELLED', 'EXPIRED', 'REFUNDED'])(
    'is HELD when a %s booking still reserves the seat',
    (status) => {
      expect(seatStatus(claims(status), 'A1')).toBe('HELD');
    },
  );

  it('is HELD when only a live hold has the seat, AVAILABLE when nothing does', () => {
    expect(seatStatus(claims(undefined, true), 'A1')).toBe('HELD');
    expect(seatStatus(claims(), 'A1')).toBe('AVAILABLE');
    // The claims are the seat's own: another seat's reservation or hold says nothing of it.
    expect(seatStatus(claims('CONFIRMED', true), 'A2')).toBe('AVAILABLE');
  });
});
