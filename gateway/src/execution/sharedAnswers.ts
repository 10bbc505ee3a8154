import { GraphQLError } from 'graphql';

/**
 * How one subgraph answer can serve several requests without any of them seeing another's
 * writes. The rule, which the plan executor relies on:
 *
 *   an answer that more than one request received is deep-frozen; anything not frozen
 *   belongs to the one request that holds it.
 *
 * The executor merges later fetches into its own tree and copies a frozen object (one
 * level) before it writes into it, so a shared answer is parsed once and never changed;
 * an answer nobody shared is written in place, with no copy and no freeze. A write into a
 * frozen object throws (ES modules are strict), so a mistake is loud, not a wrong answer
 * for someone else.
 */

/** Freezes a parsed JSON value and everything in it. */
export function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const item of value) freezeDeep(item);
  else for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** A writable copy of a JSON value (for code that writes into answers: @apollo/gateway's executor). */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // A key named __proto__ (JSON.parse makes it an own property) stays a plain property.
    Object.defineProperty(copy, key, {
      value: copyJson((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy as T;
}

/** The one-level writable copy of a frozen object or list that the executor writes into. */
export function thawed<T extends object>(value: T): T {
  return (Array.isArray(value) ? value.slice() : { ...value }) as T;
}

/**
 * A failed shared call's error, as one of its requests receives it: its own object, so
 * that what one request's error handling adds (extensions, a path) stays its own.
 */
export function errorForCaller(error: unknown): unknown {
  if (error instanceof GraphQLError)
    return new GraphQLError(error.message, {
      ...(error.nodes ? { nodes: error.nodes } : {}),
      ...(error.source ? { source: error.source } : {}),
      ...(error.positions ? { positions: error.positions } : {}),
      ...(error.path ? { path: error.path } : {}),
      ...(error.originalError ? { originalError: error.originalError } : {}),
      extensions: copyJson(error.extensions),
    });
  // Any other error is read through (message, stack, code); writes land on the copy.
  if (error !== null && typeof error === 'object') return Object.create(error) as unknown;
  return error;
}
