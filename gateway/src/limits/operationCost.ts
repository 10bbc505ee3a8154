import type {
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';

import type { CostDirectives } from './costDirectives.ts';

export interface CostOptions {
  schema: GraphQLSchema;
  directives: CostDirectives;
  /** The size assumed for a list whose field says nothing (@listSize) about it. */
  defaultListSize: number;
  variables?: Record<string, unknown>;
}

/** A mutation's root field costs this on top of what it selects (as Apollo's router does). */
export const MUTATION_BASE_COST = 10;

/**
 * Estimates an operation's cost before it runs, in the spirit of the IBM GraphQL cost
 * specification that Apollo's demand control follows:
 * - a field returning an object costs 1, a scalar or enum 0, unless `@cost(weight:)` says;
 * - a list multiplies the cost of one element by its size: the value of a slicing argument
 *   (`@listSize(slicingArguments: ["first"])`, defaults included), else `assumedSize`,
 *   else `defaultListSize`; with `sizedFields` the size applies to those child fields
 *   (a connection's `edges`) instead;
 * - each root mutation field adds MUTATION_BASE_COST.
 * Fragments are costed where they are spread; for abstract types the costliest
 * possibility counts.
 */
export function estimateCost(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  options: CostOptions,
): number {
  const { schema, directives } = options;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  function sizeOf(
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
  ): number {
    const listSize = directives.get(`${parent.name}.${field.name}`)?.listSize;
    for (const name of listSize?.slicingArguments ?? []) {
      const value = args[name];
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    }
    return listSize?.assumedSize ?? options.defaultListSize;
  }

  function costOfSelections(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    sizedChildren: Map<string, number>,
    visiting: Set<string>,
  ): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[name];
        if (!field) continue;
        const args = getArgumentValues(field, selection, options.variables);
        total += costOfField(parent, field, args, selection.selectionSet, sizedChildren.get(name));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? parent)
          : parent;
        total += costOfSelections(selection.selectionSet, type, sizedChildren, visiting);
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += costOfSelections(fragment.selectionSet, type, sizedChildren, visiting);
        visiting.delete(fragment.name.value);
      }
    }
    return total;
  }

  function costOfField(
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
    selectionSet: SelectionSetNode | undefined,
    sizeFromParent: number | undefined,
  ): number {
    const returns: GraphQLOutputType = field.type;
    const named = getNamedType(returns);
    const declared = directives.get(`${parent.name}.${field.name}`);
    const weight = declared?.weight ?? (isCompositeType(named) ? 1 : 0);

    // A wrapper (connection) whose sized fields carry the size: pass it down.
    const sizedFields = declared?.listSize?.sizedFields;
    const sizedChildren = new Map<string, number>();
    if (sizedFields?.length) {
      const size = sizeOf(parent, field, args);
      for (const child of sizedFields) sizedChildren.set(child, size);
    }

    let children = 0;
    if (selectionSet && isCompositeType(named)) {
      const candidates = isObjectType(named) ? [named] : schema.getPossibleTypes(named);
      for (const type of candidates.length ? candidates : [named])
        children = Math.max(
          children,
          costOfSelections(selectionSet, type, sizedChildren, new Set<string>()),
        );
    }
    const element = weight + children;
    if (!isListType(getNullableType(returns))) return element;
    const size =
      sizeFromParent ??
      (sizedFields?.length ? options.defaultListSize : sizeOf(parent, field, args));
    return size * element;
  }

  let cost = costOfSelections(operation.selectionSet, rootType, new Map(), new Set());
  if (operation.operation === 'mutation') {
    cost +=
      MUTATION_BASE_COST *
      operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
  }
  return cost;
}
