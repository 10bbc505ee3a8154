import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import {
  getArgumentValues,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
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
  /** The size assumed for a list field with no @listSize and no slicing argument. */
  defaultListSize: number;
  variables?: Record<string, unknown>;
  /**
   * Counting introspection stops once the cost is known to pass this: the estimate is
   * then this plus one. Without it, introspection is counted to the end.
   */
  stopAbove?: number;
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
 * - each root mutation field adds MUTATION_BASE_COST;
 * - introspection (`__schema`, `__type`) costs what its answer would hold, one per value,
 *   counted against the schema itself (the gateway knows it), up to `stopAbove`.
 * Fragments are costed where they are spread; for abstract types the costliest
 * possibility counts. Each selection set is costed once per type it is read as, so the
 * work grows with the document, not with its fragments' expansion.
 */
export function estimateCost(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  options: CostOptions,
): number {
  const { schema, directives, variables } = options;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const costs = new Map<SelectionSetNode, Map<string, number>>();
  const introspection = countIntrospection(schema, fragments, variables, options.stopAbove);

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
    sizedChildren: ReadonlyMap<string, number>,
  ): number {
    let byContext = costs.get(selectionSet);
    if (!byContext) costs.set(selectionSet, (byContext = new Map()));
    let context = parent.name;
    for (const [field, size] of sizedChildren) context += ` ${field}=${size}`;
    const known = byContext.get(context);
    if (known !== undefined) return known;
    // A fragment spreading itself is a validation error; never loop on one here.
    byContext.set(context, 0);

    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') {
          total += introspection(selection);
          continue;
        }
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[name];
        if (!field) continue;
        const args = getArgumentValues(field, selection, variables);
        total += costOfField(parent, field, args, selection.selectionSet, sizedChildren.get(name));
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) continue;
        const type = fragment.typeCondition
          ? (schema.getType(fragment.typeCondition.name.value) ?? parent)
          : parent;
        total += costOfSelections(fragment.selectionSet, type, sizedChildren);
      }
    }
    byContext.set(context, total);
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
        children = Math.max(children, costOfSelections(selectionSet, type, sizedChildren));
    }
    const element = weight + children;
    if (!isListType(getNullableType(returns))) return element;
    const size =
      sizeFromParent ??
      (sizedFields?.length ? options.defaultListSize : sizeOf(parent, field, args));
    return size * element;
  }

  let cost = costOfSelections(operation.selectionSet, rootType, new Map());
  if (operation.operation === 'mutation') {
    cost +=
      MUTATION_BASE_COST *
      operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
  }
  return introspection.stopped() ? Math.max(cost, options.stopAbove! + 1) : cost;
}

/**
 * Counts what an introspection field's answer would hold, one per value (objects, lists'
 * items and scalars alike), by walking the schema with graphql-js's own introspection
 * resolvers. A selection set is counted once per schema element it is read on, and
 * reused wherever else it is read on that element (fragments, copies); every step of
 * that work spends one unit of a budget shared by the whole operation, so the walk ends
 * once the operation is known to cost more than `stopAbove`, however the document nests,
 * aliases or spreads fragments.
 */
function countIntrospection(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown> | undefined,
  stopAbove: number | undefined,
) {
  let budget = stopAbove === undefined ? Infinity : stopAbove + 1;
  // The resolvers of __schema, __type and __Type.possibleTypes read the schema from here.
  const info = { schema } as unknown as GraphQLResolveInfo;
  const counted = new Map<SelectionSetNode, Map<unknown, number>>();

  const argumentsOf = new Map<FieldNode, Record<string, unknown>>();

  function field(definition: GraphQLField<unknown, unknown>, node: FieldNode, source: unknown) {
    budget--;
    // A scalar is one value, whatever it is: no need to resolve it.
    if (!node.selectionSet) return 1;
    let args = argumentsOf.get(node);
    if (!args) argumentsOf.set(node, (args = getArgumentValues(definition, node, variables)));
    const value = definition.resolve
      ? definition.resolve(source, args, undefined, info)
      : (source as Record<string, unknown>)[definition.name];
    const type = getNamedType(definition.type);
    if (!isObjectType(type) || value == null) return 1;
    if (!Array.isArray(value)) return 1 + selections(node.selectionSet, type, value);
    let cost = 1;
    for (const item of value as unknown[]) {
      if (budget <= 0) break;
      cost += 1 + selections(node.selectionSet, type, item);
    }
    return cost;
  }

  function selections(selectionSet: SelectionSetNode, type: GraphQLObjectType, source: unknown) {
    let bySource = counted.get(selectionSet);
    if (!bySource) counted.set(selectionSet, (bySource = new Map()));
    const known = bySource.get(source);
    if (known !== undefined) return known;
    bySource.set(source, 0); // a fragment cycle (a validation error) ends here
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (budget <= 0) break;
      if (selection.kind === Kind.FIELD) {
        const definition = type.getFields()[selection.name.value];
        if (definition) cost += field(definition, selection, source);
        else {
          budget--; // __typename
          cost++;
        }
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (
          !fragment ||
          (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)
        )
          continue;
        budget--;
        cost += selections(fragment.selectionSet, type, source);
      }
    }
    bySource.set(source, cost);
    return cost;
  }

  const count = (node: FieldNode): number =>
    budget <= 0
      ? 0
      : field(
          node.name.value === '__schema' ? SchemaMetaFieldDef : TypeMetaFieldDef,
          node,
          undefined,
        );
  return Object.assign(count, { stopped: () => budget <= 0 });
}
