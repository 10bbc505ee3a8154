import { assertUuid, badInput } from '@cinegraph/service-kit';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';

// Deliberately simple: one @, no spaces, a dot in the domain. Mailbox existence is proven
// by email confirmation, not by a regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_GENRES = 20;

export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) {
    throw badInput('"email" is not a valid email address.', 'email');
  }
  return normalized;
}

export function validatePassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(
      `"password" must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
      'password',
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw badInput(
      `"password" must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
      'password',
    );
  }
  return password;
}

export function validateDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed.length < 1 || trimmed.length > 60) {
    throw badInput('"displayName" must be 1 to 60 characters long.', 'displayName');
  }
  return trimmed;
}

export function validateGenreIds(ids: readonly string[]): string[] {
  if (ids.length > MAX_GENRES)
    throw badInput(`At most ${MAX_GENRES} favorite genres.`, 'favoriteGenreIds');
  return [...new Set(ids.map((id) => assertUuid(id, 'favoriteGenreIds')))];
}
