import { GraphQLError } from 'graphql';

/**
 * Every error code CineGraph answers with, declared once with its meaning and HTTP status.
 * docs/errors.md is the human-readable copy of this table.
 */
export const errorCodes = {
  BAD_USER_INPUT: { status: 400, description: 'An argument is malformed or out of range.' },
  UNAUTHENTICATED: {
    status: 401,
    description: 'No valid credentials: a bad or expired token, or wrong login details.',
  },
  FORBIDDEN: { status: 403, description: 'The caller is known but may not do this.' },
  NOT_FOUND: { status: 404, description: 'The thing named does not exist.' },
  CONFLICT: {
    status: 409,
    description: 'The change collides with existing state (a duplicate, an overlap).',
  },
  RATE_LIMITED: { status: 429, description: 'Too many attempts; retry after the window passes.' },
  TOO_MANY_SUBSCRIPTIONS: {
    status: 429,
    description: 'The connection already has as many active subscriptions as the gateway allows.',
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 503,
    description:
      'A subgraph timed out or its circuit is open; the answer holds what the others returned.',
  },
  // Apollo Router's name for the same failure. Never a whole request's status: it is found
  // while shaping an answer, so it comes with HTTP 200 beside the data that was kept.
  RESPONSE_VALIDATION_FAILED: {
    status: 502,
    description:
      'A subgraph answered a value the schema does not allow (a null in a non-null field, an unknown __typename, an invalid scalar or enum value); the gateway nulled it.',
  },
  MAX_DEPTH_EXCEEDED: {
    status: 400,
    description: 'The operation nests fields deeper than the gateway allows.',
  },
  MAX_ALIASES_EXCEEDED: { status: 400, description: 'The operation uses too many aliases.' },
  MAX_ROOT_FIELDS_EXCEEDED: {
    status: 400,
    description: 'The operation selects too many root fields.',
  },
  MAX_SELECTIONS_EXCEEDED: {
    status: 400,
    description: 'The operation selects too many fields once its fragments are expanded.',
  },
  MAX_TOKENS_EXCEEDED: { status: 400, description: 'The operation text is too long (in tokens).' },
  MAX_TEXT_LENGTH_EXCEEDED: {
    status: 400,
    description: 'The operation text is too long (send long values as variables).',
  },
  MAX_TOKEN_LENGTH_EXCEEDED: {
    status: 400,
    description: 'A name in the operation text is longer than any schema would use.',
  },
  MAX_DEFINITIONS_EXCEEDED: {
    status: 400,
    description: 'The document defines too many operations or fragments.',
  },
  MAX_VARIABLES_EXCEEDED: {
    status: 400,
    description: 'The operation declares too many variables.',
  },
  COST_LIMIT_EXCEEDED: {
    status: 400,
    description: "The operation's estimated cost is over the gateway's limit.",
  },
  PERSISTED_QUERY_NOT_IN_LIST: {
    status: 403,
    description: "The client may run only its safelist's operations, and this is not one of them.",
  },
  PERSISTED_QUERY_TOO_LARGE: {
    status: 413,
    description:
      'The document is too large to register as a persisted query; send it without a hash.',
  },
  PERSISTED_QUERY_BUDGET_EXCEEDED: {
    status: 429,
    description:
      'The caller, or all callers, registered as many persisted queries as the gateway keeps.',
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    status: 400,
    description: 'The persisted query hash is not the SHA-256 of the query sent with it.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    description: 'An unexpected failure; the details are in the logs under the request id.',
  },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code);
}

/** Builds the GraphQLError for a code. Extra extensions (e.g. `field`) are kept. */
export function createError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, field?: string) =>
  createError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = (message = 'You must be signed in to do this.') =>
  createError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  createError('FORBIDDEN', message);
export const notFound = (message: string) => createError('NOT_FOUND', message);
export const conflict = (message: string) => createError('CONFLICT', message);
