import { describe, expect, it } from 'vitest';
import {
  normalizeEmail,
  validateDisplayName,
  validateGenreIds,
  validatePassword,
} from './validation.ts';

const badInput = (field: string) =>
  expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } });

describe('account validation', () => {
  it('normalises emails to lower case without surrounding space', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it.each([
    'plain',
    'a@b',
    'two@@example.com',
    'space in@example.com',
    `${'x'.repeat(250)}@example.com`,
  ])('refuses the email %s', (email) =>
    expect(() => normalizeEmail(email)).toThrow(badInput('email')),
  );

  it('wants passwords of 10 to 256 characters', () => {
    expect(validatePassword('1234567890')).toBe('1234567890');
    expect(() => validatePassword('123456789')).toThrow(badInput('password'));
    expect(() => validatePassword('x'.repeat(257))).toThrow(badInput('password'));
  });

  it('trims display names and bounds their length', () => {
    expect(validateDisplayName('  Ada ')).toBe('Ada');
    expect(() => validateDisplayName('   ')).toThrow(badInput('displayName'));
    expect(() => validateDisplayName('x'.repeat(61))).toThrow(badInput('displayName'));
  });

  it('dedupes genre ids and refuses malformed ones', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(validateGenreIds([id, id.toUpperCase()])).toEqual([id]);
    expect(() => validateGenreIds(['drama'])).toThrow(badInput('favoriteGenreIds'));
  });
});
