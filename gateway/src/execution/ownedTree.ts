import type { ResponsePath } from '@apollo/query-planner';
import { copyJson, thawed } from './sharedAnswers.ts';

// The request's own result tree. Subgraph answers shared with other requests arrive
// deep-frozen (sharedAnswers.ts); these walks and merges copy a frozen object, one level,
// before writing into it, and only read what they do not write.

/** A value the request may write into in place: itself, or a deep copy of a shared (frozen) one. */
export const writable = <T extends object>(value: T): T =>
  Object.isFrozen(value) ? copyJson(value) : value;

/**
 * The values at a plan path (`@` steps into every element of a list), made the request's
 * own on the way: each frozen object or list on the path, and each value found, is
 * replaced by a writable copy in its (already owned) parent.
 */
export function ownedAtPath(value: unknown, path: ResponsePath, from: number): unknown {
  if (value === undefined || value === null) return value;
  if (from === path.length) {
    if (Array.isArray(value)) for (let index = 0; index < value.length; index++) own(value, index);
    return value;
  }
  const step = path[from];
  if (step === '@') {
    const flattened: unknown[] = [];
    collectAtPath(value, path, from, flattened);
    return flattened;
  }
  if (typeof step !== 'string') throw new Error(`Unexpected ${typeof step} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${step}`);
  const object = value as Record<string, unknown>;
  return ownedAtPath(Object.hasOwn(object, step) ? own(object, step) : undefined, path, from + 1);
}

/**
 * What `ownedAtPath(value, path, from)` finds, pushed into `into` with a list's items one
 * by one (as an `@` step flattens them): one list for the whole walk, none per level.
 */
function collectAtPath(value: unknown, path: ResponsePath, from: number, into: unknown[]): void {
  if (value === undefined || value === null) {
    into.push(value);
    return;
  }
  if (from === path.length) {
    if (!Array.isArray(value)) into.push(value);
    else for (let index = 0; index < value.length; index++) into.push(own(value, index));
    return;
  }
  const step = path[from];
  if (step === '@') {
    const list = value as unknown[];
    for (let index = 0; index < list.length; index++)
      collectAtPath(own(list, index), path, from + 1, into);
    return;
  }
  if (typeof step !== 'string') throw new Error(`Unexpected ${typeof step} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${step}`);
  const object = value as Record<string, unknown>;
  collectAtPath(Object.hasOwn(object, step) ? own(object, step) : undefined, path, from + 1, into);
}

/**
 * The value at `parent[key]`, writable by this request: a frozen object or list (a shared
 * answer's) is replaced there by its one-level copy. `parent` must be the request's own.
 */
function own(parent: Record<string, unknown> | unknown[], key: string | number): unknown {
  const value = (parent as Record<string | number, unknown>)[key];
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return value;
  const copy = thawed(value);
  (parent as Record<string | number, unknown>)[key] = copy;
  return copy;
}

/** A key the object inherits (from Object.prototype, say) becomes its own, so it can be set. */
export function defineOwn(object: Record<string, unknown>, key: string): void {
  if (key in object && !Object.hasOwn(object, key))
    Object.defineProperty(object, key, {
      configurable: true,
      enumerable: true,
      value: undefined,
      writable: true,
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)
  );
}

/**
 * @apollo/gateway's `deepMerge`: a subgraph's answer merged into the entity it extends.
 * `target` is the request's own; `source` is only read, and what is taken from it whole is
 * copied (by `own`) before a later merge writes into it.
 *
 * One difference: a `__typename` naming an abstract type never replaces one naming an
 * object type. An `@interfaceObject` subgraph answers with the interface's name, and
 * @apollo/query-planner sometimes asks it for `__typename` with no rewrite back; with
 * @apollo/gateway the entity's type then depends on which of two parallel fetches lands
 * last (and when it is the interface, the client's fragments on the object type select
 * nothing). Here the answer does not depend on timing.
 */
export function deepMerge(
  target: Record<string, unknown>,
  source: unknown,
  isAbstract: (typename: unknown) => boolean,
): Record<string, unknown> {
  if (source === undefined || source === null) return target;
  const from = source as Record<string, unknown>;
  // for-in over the own keys: Object.keys would allocate a list per merged object.
  for (const key in from) {
    if (!Object.hasOwn(from, key)) continue;
    const value = from[key];
    if (value === undefined) continue;
    defineOwn(target, key);
    const existing = target[key];
    if (existing && isObject(value)) {
      deepMerge(own(target, key) as Record<string, unknown>, value, isAbstract);
    } else if (
      Array.isArray(value) &&
      Array.isArray(existing) &&
      value.length === existing.length
    ) {
      const list = own(target, key) as unknown[];
      for (let index = 0; index < value.length; index++) {
        if (isObject(list[index]) && isObject(value[index]))
          deepMerge(own(list, index) as Record<string, unknown>, value[index], isAbstract);
        else list[index] = value[index];
      }
    } else if (
      key !== '__typename' ||
      existing === undefined ||
      !isAbstract(value) ||
      isAbstract(existing)
    ) {
      target[key] = value;
    }
  }
  return target;
}
