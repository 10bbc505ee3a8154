import { GraphQLError } from 'graphql';

/** What the registry says of a code. */
export interface ErrorCodeEntry {
  /** The HTTP status when the error fails the whole request. */
  status: number;
  /** What it means, in Markdown: the meaning column of docs/errors.md. */
  description: string;
  /** Said beside the status in docs/errors.md, e.g. when the code never fails a whole request. */
  statusNote?: string;
}

/**
 * Every error code CineGraph answers with, declared once with its meaning and HTTP status.
 * The table of docs/errors.md is generated from it, in this order: edit a code here, then
 * run `npm run docs:errors`.
 */
export const errorCodes = {
  BAD_USER_INPUT: {
    status: 400,
    description: 'An argument is malformed or out of range. `extensions.field` names it.',
  },
  UNAUTHENTICATED: {
    status: 401,
    description:
      'No valid credentials: a bad or expired access token (the whole request is refused with HTTP 401), wrong login details, a spent or revoked refresh token, or a field that needs a signed-in user.',
  },
  FORBIDDEN: {
    status: 403,
    description:
      "The caller is known but may not do this (a customer calling an admin mutation, reading another account's email).",
  },
  NOT_FOUND: {
    status: 404,
    description:
      'The thing named does not exist (for lookups by id, an unknown id is `null`, not an error).',
  },
  CONFLICT: {
    status: 409,
    description: 'The change collides with existing state: a taken email, an overlapping showtime.',
  },
  RATE_LIMITED: {
    status: 429,
    description:
      "Too many attempts: 5 logins for one email from one address in 15 minutes, an account cooling down, 10 registrations an hour from one address, a full password-hashing queue (docs/authentication.md), or the gateway's rate limits (with a `Retry-After` header). `extensions.retryAfterSeconds` says when to try again.",
  },
  // The gateway's operation limits, in the order it checks them (docs/gateway.md).
  MAX_TEXT_LENGTH_EXCEEDED: {
    status: 400,
    description: 'The operation text is too long (send long values as variables).',
  },
  MAX_TOKENS_EXCEEDED: { status: 400, description: 'The operation text is too long (in tokens).' },
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
    description:
      'The operation selects too many fields once its fragments are expanded, or selects one field, spreads fragments or uses directives too many times in one place.',
  },
  COST_LIMIT_EXCEEDED: {
    status: 400,
    description: "The operation's estimated cost is over the gateway's limit.",
  },
  TOO_MANY_SUBSCRIPTIONS: {
    status: 429,
    description:
      'The WebSocket connection already has `subscriptions.maxSubscriptionsPerConnection` active subscriptions; complete one first, or open another connection. Sent as a graphql-ws `error` message for that subscription only.',
  },
  PERSISTED_QUERY_NOT_IN_LIST: {
    status: 403,
    description:
      "The client's safelist is enforced (gateway.yaml) and the operation is not in its manifests. Call the manifest's operations by id.",
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    status: 400,
    description:
      '`extensions.persistedQuery.sha256Hash` is not the SHA-256 of the `query` sent with it.',
  },
  PERSISTED_QUERY_TOO_LARGE: {
    status: 413,
    description:
      'The document is over `persistedQueries.apq.maxDocumentBytes` (`extensions.limit`), too large to register as a persisted query; send it without a hash.',
  },
  PERSISTED_QUERY_BUDGET_EXCEEDED: {
    status: 429,
    description:
      'The client (its API key, else its address), or all callers together, registered as many new persisted queries as the gateway accepts for now (docs/gateway.md). Send the query without a hash, or retry after `extensions.retryAfterSeconds`.',
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 503,
    description:
      'A subgraph could not be used: no answer, or none in time; HTTP 5xx or 429; a body that is not JSON; or its circuit breaker open. The answer holds what the other subgraphs returned. It fails the whole request only while the gateway has no supergraph loaded.',
  },
  // Apollo Router's name for the same failure. Never a whole request's status: it is found
  // while shaping an answer, so it comes with HTTP 200 beside the data that was kept.
  RESPONSE_VALIDATION_FAILED: {
    status: 502,
    statusNote: 'never seen: it is a field error, in an answer sent with 200',
    description:
      "A subgraph answered a value the schema does not allow: a null in a non-null field (for example an entity call that found nothing for a required field), a `__typename` the supergraph does not know, an invalid scalar or enum value. The gateway nulls it as GraphQL's null propagation says and reports it in `errors` with the field's `path`, after the subgraphs' own errors, unless a subgraph's error at, under or above that path already says why (one error per field). No `serviceName`: the gateway finds it in the joined answer.",
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    description:
      'An unexpected failure; the logs hold the details under the request id (`x-request-id` response header).',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;

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
