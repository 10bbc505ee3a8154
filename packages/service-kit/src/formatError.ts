import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { mapDatabaseError } from './databaseErrors.ts';
import { isErrorCode } from './errorCodes.ts';

/** Codes that graphql-js and Apollo Server raise themselves for bad requests. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLogger {
  error(object: object, message: string): void;
}

/**
 * Apollo Server `formatError`: errors we raised on purpose pass through (without stack
 * traces); database errors are mapped; everything else is logged whole and masked.
 */
export function createFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const code = formatted.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') return withoutStack(formatted);
    if (typeof code === 'string' && REQUEST_CODES.has(code)) return withoutStack(formatted);
    if (formatted.extensions?.serviceName) return withoutStack(formatted);

    const mapped = mapDatabaseError(original);
    if (mapped instanceof GraphQLError) {
      return {
        ...withoutStack(formatted),
        message: mapped.message,
        extensions: { code: mapped.extensions.code },
      };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
