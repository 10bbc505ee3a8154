import type { FetchDataRewrite } from '@apollo/query-planner';
import { defineOwn } from './ownedTree.ts';

/** Whether an object (by its __typename) is of a type; `ifUnknown` when it has none. */
export type TypeTest = (
  object: Record<string, unknown>,
  typeCondition: string,
  ifUnknown: boolean,
) => boolean;

const FRAGMENT_PREFIX = '... on ';

/**
 * @apollo/gateway's `applyRewrites`: the planner's rewrites of a fetch's input (the
 * representations sent) or output (what came back), which interface objects need: a
 * `ValueSetter` puts a value at a path (e.g. `__typename` of an entity sent to the subgraph
 * that only knows its interface), a `KeyRenamer` moves a value to another key. Paths step
 * through fields and `... on Type` conditions. `value` is written in place: it must be the
 * request's own.
 */
export function applyRewrites(
  isObjectOfType: TypeTest,
  rewrites: readonly FetchDataRewrite[] | undefined,
  value: unknown,
): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parent = rewrite.path.slice(0, -1);
    const last = rewrite.path[rewrite.path.length - 1]!;
    if (last.startsWith(FRAGMENT_PREFIX))
      throw new Error(`Unexpected fragment as last element of ${rewrite.path.join(',')}`);
    applyAtPath(isObjectOfType, parent, 0, value, (object) => {
      if (rewrite.kind === 'ValueSetter') {
        defineOwn(object, last);
        object[last] = rewrite.setValueTo;
        return;
      }
      const moved = Object.hasOwn(object, last) ? object[last] : undefined;
      // A falsy value moves too (@apollo/gateway leaves a 0 or null behind): a required
      // price of 0 is still the price.
      if (moved !== undefined) {
        defineOwn(object, rewrite.renameKeyTo);
        object[rewrite.renameKeyTo] = moved;
        object[last] = undefined;
      }
    });
  }
}

function applyAtPath(
  isObjectOfType: TypeTest,
  path: readonly string[],
  from: number,
  value: unknown,
  apply: (object: Record<string, unknown>) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) applyAtPath(isObjectOfType, path, from, item, apply);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (from === path.length) return apply(object);
  const element = path[from]!;
  if (element.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(object, element.slice(FRAGMENT_PREFIX.length), true))
      applyAtPath(isObjectOfType, path, from + 1, object, apply);
  } else {
    const next = Object.hasOwn(object, element) ? object[element] : undefined;
    applyAtPath(isObjectOfType, path, from + 1, next, apply);
  }
}
