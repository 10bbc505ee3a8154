import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

export interface OperationShape {
  /** The deepest chain of nested field selections (a top-level field is depth 1). */
  depth: number;
  /** Fields selected under an alias, fragments included. */
  aliases: number;
  /** Fields selected at the root (what the planner fans out from). */
  rootFields: number;
}

const isMeta = (name: string) => name.startsWith('__');

/**
 * Measures an operation as the limits see it: fragments are expanded where they are
 * spread, and introspection's meta fields (`__schema`, `__type`, `__typename`) do not
 * count, so that tools keep working under tight limits.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): OperationShape {
  let aliases = 0;
  const visiting = new Set<string>();

  function walk(selectionSet: SelectionSetNode, depth: number): number {
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isMeta(selection.name.value)) continue;
        if (selection.alias) aliases++;
        deepest = Math.max(
          deepest,
          selection.selectionSet ? walk(selection.selectionSet, depth + 1) : depth + 1,
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A fragment spreading itself is a validation error; never loop on it here.
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        deepest = Math.max(deepest, walk(fragment.selectionSet, depth));
        visiting.delete(name);
      }
    }
    return deepest;
  }

  const depth = walk(operation.selectionSet, 0);
  return { depth, aliases, rootFields: countRootFields(operation.selectionSet, fragments) };
}

function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!isMeta(selection.name.value)) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, fragments, seen);
    } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      seen.add(selection.name.value);
      count += countRootFields(fragments[selection.name.value]!.selectionSet, fragments, seen);
    }
  }
  return count;
}
