import type { GraphQLError } from 'graphql';
import { createError } from './errorCodes.ts';

interface KnownRequestError {
  code: string;
  meta?: Record<string, unknown>;
}

function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * The one place where database failures become client errors: a unique violation is a
 * CONFLICT, a missing row a NOT_FOUND. Anything else is returned unchanged, to be masked
 * as INTERNAL_SERVER_ERROR and logged whole.
 */
export function mapDatabaseError(error: unknown): GraphQLError | unknown {
  if (!isKnownRequestError(error)) return error;
  switch (error.code) {
    case 'P2002':
      return createError('CONFLICT', 'That already exists.');
    case 'P2025':
      return createError('NOT_FOUND', 'That does not exist.');
    case 'P2003':
      return createError('BAD_USER_INPUT', 'That refers to something that does not exist.');
    default:
      return error;
  }
}
