/** Every record's prototype: empty and frozen, so that records inherit no keys. */
const NO_INHERITED_KEYS: object = Object.freeze(Object.create(null) as object);

/**
 * A new object for data keyed by names from operations and subgraphs (a response's
 * objects, a representation): it inherits no keys, so `constructor`, `toString` or
 * `__proto__` are fields like any other, as in `Object.create(null)`, but it stays a
 * fast V8 object.
 *
 * `Object.create(null)` makes a dictionary-mode object, a hash table: 482 bytes for an
 * object of seven fields against 105 here, and JSON.stringify takes its slow path through
 * it. The heavy query's response was 70 KB of such objects for 14 KB of JSON, and under
 * load, living long enough to be promoted, 41% of what filled the old generation
 * (docs/gateway-performance.md, "Memory").
 * `Object.create` of a non-null prototype gives a fast object with one shared map.
 */
export function createRecord(): Record<string, unknown> {
  return Object.create(NO_INHERITED_KEYS) as Record<string, unknown>;
}
