import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

export interface OperationShape {
  /** The deepest chain of nested field selections (a top-level field is depth 1). */
  depth: number;
  /** Fields selected under an alias, counted at every place their fragment is spread. */
  aliases: number;
  /** Distinct response names selected at the root (what the planner fans out from). */
  rootFields: number;
  /**
   * Field selections once every fragment is expanded where it is spread: what the
   * validator, the planner and the executor walk. Fragments that spread each other twice
   * make this grow exponentially while the text stays small.
   */
  selections: number;
}

interface Measure {
  depth: number;
  aliases: number;
  selections: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, selections: 0 };

/**
 * Measures an operation as the limits see it, as if its fragments were expanded where
 * they are spread, in time linear in the document: each selection set (a fragment's
 * included) is measured once and its measure reused at every spread, so a fragment spread
 * 2^64 times costs no more to measure than one spread once. Introspection's `__schema` and
 * `__type` count like any field; `__typename` counts as a selection (and an alias, when it
 * has one) but adds no depth and is no root field, so clients that add it everywhere keep
 * working under tight limits.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): OperationShape {
  const measured = new Map<SelectionSetNode, Measure>();

  function measure(selectionSet: SelectionSetNode): Measure {
    const known = measured.get(selectionSet);
    if (known) return known;
    // A fragment spreading itself is a validation error; never loop on one here.
    measured.set(selectionSet, NOTHING);
    let depth = 0;
    let aliases = 0;
    let selections = 0;
    for (const selection of selectionSet.selections) {
      let inner = NOTHING;
      if (selection.kind === Kind.FIELD) {
        selections++;
        if (selection.alias) aliases++;
        if (selection.selectionSet) inner = measure(selection.selectionSet);
        if (selection.name.value !== '__typename') depth = Math.max(depth, 1 + inner.depth);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) continue;
        inner = measure(fragment.selectionSet);
        depth = Math.max(depth, inner.depth);
      }
      aliases += inner.aliases;
      selections += inner.selections;
    }
    const result = { depth, aliases, selections };
    measured.set(selectionSet, result);
    return result;
  }

  const { depth, aliases, selections } = measure(operation.selectionSet);
  return { depth, aliases, selections, rootFields: rootFieldNames(operation, fragments).size };
}

/**
 * The most times one response path is selected once fields of the same name are merged
 * (as validation and execution merge them) and fragments expanded, one level spreads
 * fragments, or one place carries directives (each repeat of a directive is an error of
 * its own for the validator to build). graphql-js's validator (OverlappingFieldsCanBeMerged) compares those
 * pairwise: 125 copies of one small field take it 25 ms. This walks the expanded
 * operation, so call it only once `selections` is known to be within its limit.
 */
export function mostRepeats(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): number {
  const counts = new Map<string, number>();
  let most = 0;
  const count = (path: string) => {
    const times = (counts.get(path) ?? 0) + 1;
    counts.set(path, times);
    most = Math.max(most, times);
  };
  const visiting = new Set<string>();
  const directives = (node: { readonly directives?: readonly unknown[] | undefined }) =>
    (most = Math.max(most, node.directives?.length ?? 0));
  directives(operation);
  for (const definition of operation.variableDefinitions ?? []) directives(definition);
  const walk = (selectionSet: SelectionSetNode, path: string): void => {
    for (const selection of selectionSet.selections) {
      directives(selection);
      if (selection.kind === Kind.FIELD) {
        const field = `${path}.${selection.alias?.value ?? selection.name.value}`;
        count(field);
        if (selection.selectionSet) walk(selection.selectionSet, field);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, path);
      } else {
        const name = selection.name.value;
        count(`${path}...`);
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        directives(fragment);
        walk(fragment.selectionSet, path);
        visiting.delete(name);
      }
    }
  };
  walk(operation.selectionSet, '');
  return most;
}

/** The response names selected at the root, `__typename` aside; each fragment read once. */
function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename')
          names.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return names;
}
