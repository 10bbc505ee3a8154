import { describe, expect, it } from 'vitest';
import { seatLabel } from './seatLabel.ts';

describe('seatLabel', () => {
  it('prints the row then the number, as on the ticket', () => {
    expect(seatLabel({ row: 'F', number: 12 })).toBe('F12');
    expect(seatLabel({ row: 'A', number: 1 })).toBe('A1');
  });
});
