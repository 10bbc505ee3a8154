import type {
  ConstDirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
} from 'graphql';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** What an answer may be cached for: seconds (0: not at all) and who may be served it. */
export interface CachePolicy {
  maxAge: number;
  scope: CacheScope;
}

/** One `@cacheControl` as written on a type or a field. */
interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

/**
 * The `@cacheControl` hints of a supergraph, by schema coordinate (`Type`, `Type.field`).
 * Opaque: read it through `policyOf`.
 */
export interface CacheHints {
  readonly coordinates: ReadonlyMap<string, Readonly<CacheHint>>;
}

const HINTED_DEFINITIONS: ReadonlySet<string> = new Set([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
]);

/**
 * Reads the `@cacheControl(maxAge, scope, inheritMaxAge)` hints a supergraph carries on
 * its types and fields. The subgraphs declare Apollo's directive and compose it through
 * `@composeDirective`, so the supergraph keeps it where they wrote it (the name may carry
 * a `<spec>__` prefix when a subgraph did not import it under its own name).
 */
export function readCacheHints(supergraph: DocumentNode): CacheHints {
  const coordinates = new Map<string, CacheHint>();
  const add = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name !== 'cacheControl' && !name.endsWith('__cacheControl')) continue;
      const hint: CacheHint = { ...coordinates.get(coordinate) };
      for (const argument of directive.arguments ?? []) {
        const value: unknown = valueFromASTUntyped(argument.value);
        if (argument.name.value === 'maxAge' && typeof value === 'number') hint.maxAge = value;
        if (argument.name.value === 'scope' && (value === 'PUBLIC' || value === 'PRIVATE'))
          hint.scope = value;
        if (argument.name.value === 'inheritMaxAge' && value === true) hint.inheritMaxAge = true;
      }
      coordinates.set(coordinate, hint);
    }
  };
  for (const definition of supergraph.definitions) {
    if (!HINTED_DEFINITIONS.has(definition.kind)) continue;
    const type = definition as {
      name: { value: string };
      directives?: readonly ConstDirectiveNode[];
      fields?: readonly { name: { value: string }; directives?: readonly ConstDirectiveNode[] }[];
    };
    add(type.name.value, type.directives);
    for (const field of type.fields ?? [])
      add(`${type.name.value}.${field.name.value}`, field.directives);
  }
  return { coordinates };
}

/** Apollo Server's `CachePolicy.restrict`: the lower maxAge, and PRIVATE once PRIVATE. */
function restrict(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge))
    policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined && policy.scope !== 'PRIVATE') policy.scope = hint.scope;
}

/** Apollo Server's `CachePolicy.replace`: what the hint says wins. */
function replace(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined) policy.scope = hint.scope;
}

/**
 * The static cache policy of an operation, by Apollo Server's cache-control rules
 * (`ApolloServerPluginCacheControl`), computed from the document instead of during
 * execution:
 * - each selected field's policy is its return type's hint (when the type is composite),
 *   replaced by the field's own hint (or, with `inheritMaxAge`, by its scope only);
 * - a root field, or a field returning a composite type, without a maxAge gets
 *   `defaultMaxAge` (0, so one such field makes the whole operation uncacheable), unless
 *   it inherits its parent's; a scalar field without a hint inherits;
 * - the operation's policy is the lowest maxAge of all fields, PRIVATE if any is.
 *
 * Where the executor would see one concrete type, this sees every type the selection
 * could be, so it is never more lenient than any answer: a field returning an interface
 * or union takes the strictest of its own and every possible type's hints, and a field
 * selected on an interface the strictest of the interface's and each implementation's
 * field hint. `@skip`/`@include` are ignored (both branches count). The scope is computed
 * over every selected field even once the maxAge is 0, so that a caller can ask whether an
 * operation is viewer-dependent whatever its maxAge. Introspection fields are uncacheable.
 */
export function policyOf(
  schema: GraphQLSchema,
  hints: CacheHints,
  document: DocumentNode,
  operationName?: string | null,
  options: { defaultMaxAge?: number } = {},
): CachePolicy {
  const defaultMaxAge = options.defaultMaxAge ?? 0;
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { maxAge: 0, scope: 'PUBLIC' };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);

  const overall: CacheHint = {};
  const typeHints = new Map<GraphQLCompositeType, CacheHint>();
  // Each (fragment, type, root) once: the policy is a minimum, so a second walk adds nothing,
  // and a fragment spread twice at every level would otherwise cost 2^depth walks.
  const walked = new Set<string>();

  const hintOf = (coordinate: string): CacheHint => hints.coordinates.get(coordinate) ?? {};

  /**
   * A composite type's hint. For an abstract type Apollo Server reads the abstract type's
   * own hint; this also restricts it by each possible type's, and, when the abstract type
   * has no hint, takes its possible types' only if every one of them has one.
   */
  const typeHint = (type: GraphQLCompositeType): CacheHint => {
    let hint = typeHints.get(type);
    if (hint) return hint;
    hint = { ...hintOf(type.name) };
    if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type).map((object) => hintOf(object.name));
      const ownAge = hint.maxAge !== undefined || hint.inheritMaxAge;
      const everyHasAge = possible.every((own) => own.maxAge !== undefined || own.inheritMaxAge);
      for (const own of possible) {
        if (own.scope === 'PRIVATE') hint.scope = 'PRIVATE';
        else if (own.scope && !hint.scope) hint.scope = own.scope;
        if (own.maxAge !== undefined && (ownAge || everyHasAge))
          hint.maxAge = Math.min(hint.maxAge ?? own.maxAge, own.maxAge);
      }
      if (!ownAge && everyHasAge && hint.maxAge === undefined && possible.length)
        hint.inheritMaxAge = true;
    }
    typeHints.set(type, hint);
    return hint;
  };

  /** Apollo Server's policy of one field, on the type it is resolved on. */
  const fieldPolicy = (
    parent: GraphQLObjectType | GraphQLInterfaceType,
    name: string,
    isRoot: boolean,
  ) => {
    const field = parent.getFields()[name];
    if (!field) return undefined;
    const target = getNamedType(field.type);
    const policy: CacheHint = {};
    let inheritMaxAge = false;
    if (isCompositeType(target)) {
      const hint = typeHint(target);
      replace(policy, hint);
      inheritMaxAge = !!hint.inheritMaxAge;
    }
    const own = hintOf(`${parent.name}.${name}`);
    if (own.inheritMaxAge && policy.maxAge === undefined) {
      inheritMaxAge = true;
      if (own.scope) replace(policy, { scope: own.scope });
    } else replace(policy, own);
    if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRoot))
      restrict(policy, { maxAge: defaultMaxAge });
    restrict(overall, policy);
    return target;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition))
          walk(selection.selectionSet, condition, isRoot);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || !isCompositeType(condition)) continue;
        const key = `${fragment.name.value}\0${isRoot}`;
        if (walked.has(key)) continue;
        walked.add(key);
        walk(fragment.selectionSet, condition, isRoot);
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (name === '__schema' || name === '__type') {
        restrict(overall, { maxAge: 0 });
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      // Selected on an interface, the field resolves on one of its implementations.
      const target = fieldPolicy(parent, name, isRoot);
      if (isInterfaceType(parent))
        for (const possible of schema.getPossibleTypes(parent)) fieldPolicy(possible, name, isRoot);
      if (selection.selectionSet && target && isCompositeType(target))
        walk(selection.selectionSet, target, false);
    }
  };
  walk(operation.selectionSet, root, true);
  return { maxAge: overall.maxAge ?? defaultMaxAge, scope: overall.scope ?? 'PUBLIC' };
}
