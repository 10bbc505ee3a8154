import type { GraphQLError } from 'graphql';
import { createError } from './errorCodes.ts';

interface KnownRequestError {
  code: string;
  meta?: Record<string, unknown>;
}

/** Prisma's code for a unique constraint violation (PostgreSQL's 23505). */
const UNIQUE_VIOLATION = 'P2002';
/** Prisma's code for a write whose row was not found (an update or delete matching none). */
const MISSING_ROW = 'P2025';

/**
 * A Prisma known request error, whichever subgraph's generated client threw it: each has
 * its own copy of the class, so it is recognised by name, not with `instanceof`.
 */
function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Whether a write failed on a unique constraint (Prisma P2002): for the call sites that
 * answer it themselves (a replay of an idempotency key, a friendlier CONFLICT) rather
 * than let mapDatabaseError make it a plain CONFLICT.
 */
export function isUniqueViolation(error: unknown): boolean {
  return isKnownRequestError(error) && error.code === UNIQUE_VIOLATION;
}

/**
 * Whether a write found no row to change (Prisma P2025): for the call sites that say
 * which thing was missing, rather than mapDatabaseError's plain NOT_FOUND.
 */
export function isMissingRow(error: unknown): boolean {
  return isKnownRequestError(error) && error.code === MISSING_ROW;
}

/**
 * The one place where database failures become client errors: a unique violation is a
 * CONFLICT, a missing row a NOT_FOUND. Anything else is returned unchanged, to be masked
 * as INTERNAL_SERVER_ERROR and logged whole.
 */
export function mapDatabaseError(error: unknown): GraphQLError | unknown {
  if (!isKnownRequestError(error)) return error;
  switch (error.code) {
    case UNIQUE_VIOLATION:
      return createError('CONFLICT', 'That already exists.');
    case MISSING_ROW:
      return createError('NOT_FOUND', 'That does not exist.');
    case 'P2003':
      return createError('BAD_USER_INPUT', 'That refers to something that does not exist.');
    default:
      return error;
  }
}
