import { describe, expect, it } from 'vitest';
import { seatPriceCents } from './seatPriceCents.ts';

describe('seatPriceCents', () => {
  it('charges the showtime price for STANDARD and ACCESSIBLE seats', () => {
    expect(seatPriceCents(1_150, 'STANDARD')).toBe(1_150);
    expect(seatPriceCents(1_150, 'ACCESSIBLE')).toBe(1_150);
  });

  it('charges half as much again for PREMIUM seats, rounded to the cent', () => {
    expect(seatPriceCents(1_000, 'PREMIUM')).toBe(1_500);
    expect(seatPriceCents(1_150, 'PREMIUM')).toBe(1_725);
    // 999 × 1.5 = 1498.5: half a cent rounds up.
    expect(seatPriceCents(999, 'PREMIUM')).toBe(1_499);
  });

  it('keeps a free showtime free whatever the seat', () => {
    expect(seatPriceCents(0, 'PREMIUM')).toBe(0);
    expect(seatPriceCents(0, 'STANDARD')).toBe(0);
  });
});
