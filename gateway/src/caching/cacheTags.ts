import type {
  DocumentNode,
  FieldNode,
  GraphQLCompositeType,
  GraphQLSchema,
  InlineFragmentNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { FieldOwners } from './fieldOwners.ts';

/**
 * The entities of a supergraph (types with a `@key`) and the key fields that name one. A
 * key of plain fields (`"id"`, `"isbn region"`) is used; a type whose keys all nest
 * (`"owner { id }"`) maps to null: answers holding it cannot be tagged, so are not cached.
 */
export type EntityKeys = ReadonlyMap<string, readonly string[] | null>;

/**
 * Response names the gateway adds to the plan of an operation it caches or purges by.
 * The typename's alias also says which subgraphs the selection of that entity reads:
 * `_cgType_3` is the plan's `owners[3]`; a bare `_cgType`, its keys alone.
 */
const TYPE_ALIAS = '_cgType';
const OWNED_TYPE_ALIAS = '_cgType_';
const KEY_ALIAS = '_cgKey_';
const HOP_ALIAS = '_cgHop_';
const RESERVED = /^_cg/;

/** Reads the entities and their keys from a supergraph's `@join__type(key:)`. */
export function readEntityKeys(supergraph: DocumentNode): EntityKeys {
  const keys = new Map<string, string[] | null>();
  for (const definition of supergraph.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const key = directive.arguments?.find((argument) => argument.name.value === 'key')?.value;
      if (key?.kind !== Kind.STRING) continue;
      const name = definition.name.value;
      const fields = key.value.trim().split(/[\s,]+/);
      const simple = !/[{}()@:$]/.test(key.value) && fields.every(Boolean);
      if (simple && !keys.get(name)) keys.set(name, fields);
      else if (!keys.has(name)) keys.set(name, null);
    }
  }
  return keys;
}

/** What an operation's answers are tagged with, worked out once per prepared operation. */
export interface TaggingPlan {
  /** The operation with the type and key of every entity selected (planned, never shaped). */
  document: DocumentNode;
  /**
   * Per root response name, the type-level tags of what the field lists: an answer that
   * lists movies depends on which movies there are, so creating or changing one purges it.
   * `whenNull`: a field returning one entity also depends on that entity existing.
   */
  rootTags: ReadonlyMap<string, { always: readonly string[]; whenNull?: string }>;
  /** Types whose change may change lists of them: a mutation's own results. */
  listTypes: readonly string[];
  /** The subgraphs each entity selection reads, by the index in its typename's alias. */
  owners: readonly (readonly string[])[];
  /** For a mutation: the subgraphs its root fields write to. */
  writers: readonly string[];
}

/**
 * Plans the tagging of an operation's answers: every selection of an entity also selects
 * its `__typename` and key fields under reserved aliases, so the executor's merged result
 * names each entity whatever the client selected, and which subgraphs the selection reads
 * (`owners`: the fields it selects beyond the keys, and those of the values inside it up
 * to the next entity), so that a write by one subgraph retires only the answers that read
 * what that subgraph resolves; for a mutation each root field's result
 * also selects the keys of the entities it refers to (a review's movie and author), so
 * purging after the write reaches the pages that show them. Undefined when the answers
 * cannot be tagged (an entity with a nested key, or the client using the reserved aliases).
 */
export function planTagging(
  schema: GraphQLSchema,
  entityKeys: EntityKeys,
  fieldOwners: FieldOwners,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): TaggingPlan | undefined {
  let taggable = true;
  const keysOf = (type: GraphQLCompositeType): readonly string[] | undefined => {
    const keys = entityKeys.get(type.name);
    if (keys === null) taggable = false;
    return keys ?? undefined;
  };
  const owners: string[][] = [];
  const ownerIndex = new Map<string, number>();
  const readsOf = ownersOfSelection(schema, entityKeys, fieldOwners, document);
  /** The typename's alias for a selection set read as `type`. */
  const typeAlias = (node: SelectionSetNode, type: GraphQLCompositeType): string => {
    const read = readsOf(node, type);
    if (read.length === 0) return TYPE_ALIAS;
    const key = read.join(',');
    let index = ownerIndex.get(key);
    if (index === undefined) {
      index = owners.push(read) - 1;
      ownerIndex.set(key, index);
    }
    return `${OWNED_TYPE_ALIAS}${index}`;
  };
  const typeInfo = new TypeInfo(schema);
  const augmented = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        if (RESERVED.test(node.alias?.value ?? node.name.value)) taggable = false;
      },
      SelectionSet: {
        leave(node: SelectionSetNode) {
          const parent = typeInfo.getParentType();
          return parent ? withEntityKeys(node, schema, parent, keysOf, typeAlias) : node;
        },
      },
    }) as Parameters<typeof visit>[1],
  );
  if (!taggable) return undefined;

  const root = schema.getRootType(operation.operation);
  const rootTags = new Map<string, { always: string[]; whenNull?: string }>();
  const listTypes = new Set<string>();
  const writers = new Set<string>();
  if (root)
    for (const selection of rootFields(document, operation.selectionSet)) {
      const field = root.getFields()[selection.name.value];
      if (!field) continue;
      if (operation.operation === 'mutation')
        for (const owner of fieldOwners.of(root.name, field.name)) writers.add(owner);
      const named = getNamedType(field.type);
      const responseName = selection.alias?.value ?? selection.name.value;
      const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
      if (isCompositeType(named) && entityKeys.has(named.name)) {
        if (operation.operation === 'mutation') listTypes.add(named.name);
        rootTags.set(
          responseName,
          isListType(unwrapped) ? { always: [named.name] } : { always: [], whenNull: named.name },
        );
      } else if (isCompositeType(named))
        rootTags.set(responseName, { always: reachableEntities(schema, entityKeys, named) });
    }

  const planned: DocumentNode =
    operation.operation === 'mutation'
      ? withMutationHops(augmented, schema, entityKeys)
      : augmented;
  return {
    document: planned,
    rootTags,
    listTypes: [...listTypes],
    owners,
    writers: [...writers].sort(),
  };
}

/**
 * The subgraphs a selection set of an entity reads: the owners of the fields it selects
 * (its key fields alone name the entity, and are left out), through fragments that apply
 * to the type, and through the values it selects (not entities: those are tagged by their
 * own selections).
 */
function ownersOfSelection(
  schema: GraphQLSchema,
  entityKeys: EntityKeys,
  fieldOwners: FieldOwners,
  document: DocumentNode,
): (node: SelectionSetNode, type: GraphQLCompositeType) => string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const applies = (condition: string | undefined, type: GraphQLCompositeType) => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    if (!conditionType || !isAbstractType(conditionType)) return false;
    return isObjectType(type) ? schema.isSubType(conditionType, type) : true;
  };
  return (node, type) => {
    const found = new Set<string>();
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
      const keys = new Set(entityKeys.get(parent.name) ?? []);
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name === '__typename' || RESERVED.test(selection.alias?.value ?? '')) continue;
          if (!selection.selectionSet && keys.has(name)) continue;
          for (const owner of fieldOwners.of(parent.name, name)) found.add(owner);
          const field =
            isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
          const returned = field && getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(returned) && !entityKeys.has(returned.name))
            walk(selection.selectionSet, returned);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, parent))
            walk(selection.selectionSet, parent);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment && applies(fragment.typeCondition.name.value, parent))
            walk(fragment.selectionSet, parent);
        }
      }
    };
    walk(node, type);
    return [...found].sort();
  };
}

/** The fields an operation selects at its root, through fragments too. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return fields;
}

/** A selection set of `parent` that also selects the entity's typename and key fields. */
function withEntityKeys(
  node: SelectionSetNode,
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  keysOf: (type: GraphQLCompositeType) => readonly string[] | undefined,
  typeAlias: (node: SelectionSetNode, type: GraphQLCompositeType) => string,
): SelectionSetNode {
  const added: SelectionNode[] = [];
  if (isAbstractType(parent)) {
    const entities = schema.getPossibleTypes(parent).flatMap((possible) => {
      const keys = keysOf(possible);
      return keys
        ? [
            inlineFragment(possible.name, [
              typenameField(typeAlias(node, possible)),
              ...keys.map(keyField),
            ]),
          ]
        : [];
    });
    if (entities.length) added.push(...entities);
  } else {
    const keys = keysOf(parent);
    if (keys) added.push(typenameField(typeAlias(node, parent)), ...keys.map(keyField));
  }
  return added.length ? { ...node, selections: [...node.selections, ...added] } : node;
}

/**
 * For a mutation, each root field's result object also selects the keys of the entities
 * its fields refer to (one hop, fields without required arguments, not lists): what the
 * write changed is shown on their pages too (a new review changes its movie's rating).
 * Root fields written in the operation itself only (one behind a fragment purges what its
 * answer holds, no more).
 */
function withMutationHops(
  document: DocumentNode,
  schema: GraphQLSchema,
  entityKeys: EntityKeys,
): DocumentNode {
  const root = schema.getMutationType();
  if (!root) return document;
  return visit(document, {
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return undefined;
      const selections = operation.selectionSet.selections.map((selection) => {
        if (selection.kind !== Kind.FIELD || !selection.selectionSet) return selection;
        const result = getNamedType(root.getFields()[selection.name.value]?.type);
        if (!result || !isObjectType(result)) return selection;
        const hops: FieldNode[] = [];
        for (const field of Object.values(result.getFields())) {
          const target = getNamedType(field.type);
          const keys = entityKeys.get(target.name);
          const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
          if (
            !keys ||
            !isObjectType(target) ||
            isListType(unwrapped) ||
            field.args.some((argument) => isNonNullType(argument.type) && !argument.defaultValue)
          )
            continue;
          hops.push({
            kind: Kind.FIELD,
            alias: { kind: Kind.NAME, value: `${HOP_ALIAS}${field.name}` },
            name: { kind: Kind.NAME, value: field.name },
            selectionSet: {
              kind: Kind.SELECTION_SET,
              selections: [typenameField(), ...keys.map(keyField)],
            },
          });
        }
        return hops.length
          ? {
              ...selection,
              selectionSet: {
                ...selection.selectionSet,
                selections: [...selection.selectionSet.selections, ...hops],
              },
            }
          : selection;
      });
      return { ...operation, selectionSet: { ...operation.selectionSet, selections } };
    },
  });
}

/** The entity types a root field's answer can list, through non-entity types (connections). */
function reachableEntities(
  schema: GraphQLSchema,
  entityKeys: EntityKeys,
  start: GraphQLCompositeType,
): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (type: GraphQLCompositeType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (entityKeys.has(type.name)) {
      found.add(type.name);
      return;
    }
    if (isAbstractType(type)) {
      for (const possible of schema.getPossibleTypes(type)) walk(possible);
      return;
    }
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isCompositeType(named)) walk(named);
    }
  };
  walk(start);
  return [...found];
}

/**
 * Calls `found` for every entity in the executor's merged result of a plan made with
 * `planTagging`'s document: its `Type:key`, and the owner indexes its typename aliases
 * name (-1 for a bare `_cgType`).
 */
function eachEntity(
  merged: Record<string, unknown>,
  found: (entity: string, ownerIndexes: readonly number[]) => void,
): void {
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    let type: unknown;
    let owned: number[] | undefined;
    let key: string[] | undefined;
    for (const name in object) {
      const field = object[name];
      if (name.startsWith(KEY_ALIAS)) (key ??= []).push(`${name}\0${String(field)}`);
      else if (name.startsWith(TYPE_ALIAS)) {
        type = field;
        (owned ??= []).push(
          name.length === TYPE_ALIAS.length ? -1 : Number(name.slice(OWNED_TYPE_ALIAS.length)),
        );
      } else if (field !== null && typeof field === 'object') walk(field);
    }
    // Key fields in a fixed order (by name), whatever order the fetches merged them in.
    if (typeof type === 'string' && key && owned)
      found(
        `${type}:${(key.length > 1 ? key.sort() : key).map((part) => part.slice(part.indexOf('\0') + 1)).join(':')}`,
        owned,
      );
  };
  walk(merged);
}

/**
 * The tags of an answer, from the executor's merged result of a plan made with
 * `planTagging`'s document: `Type:key@subgraph` for every entity in it and every subgraph
 * its selection reads (`Type:key` when it selects the keys alone), and the type-level
 * tags of what its root fields list (or did not find).
 */
export function tagsOf(merged: Record<string, unknown>, tagging: TaggingPlan): Set<string> {
  const tags = new Set<string>();
  for (const [name, rootTag] of tagging.rootTags) {
    for (const tag of rootTag.always) tags.add(tag);
    if (rootTag.whenNull && (merged[name] === null || merged[name] === undefined))
      tags.add(rootTag.whenNull);
  }
  eachEntity(merged, (entity, ownerIndexes) => {
    for (const index of ownerIndexes) {
      const owners = index < 0 ? undefined : tagging.owners[index];
      if (!owners?.length) tags.add(entity);
      else for (const owner of owners) tags.add(`${entity}@${owner}`);
    }
  });
  return tags;
}

/** The entities (`Type:key`) in the executor's merged result of a tagging plan. */
export function entitiesOf(merged: Record<string, unknown>): string[] {
  const entities = new Set<string>();
  eachEntity(merged, (entity) => entities.add(entity));
  return [...entities];
}

/**
 * What a write by `writers` (subgraph names) makes stale: every answer that reads what
 * they resolve of the entities it changed, or names those entities by their keys alone,
 * and the answers listing the types whose lists it changed.
 */
export function writeTags(
  entities: Iterable<string>,
  types: Iterable<string>,
  writers: readonly string[],
): string[] {
  const tags = new Set(types);
  for (const entity of entities) {
    tags.add(entity);
    for (const writer of writers) tags.add(`${entity}@${writer}`);
  }
  return [...tags];
}

function typenameField(alias = TYPE_ALIAS): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: '__typename' },
  };
}

function keyField(name: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: `${KEY_ALIAS}${name}` },
    name: { kind: Kind.NAME, value: name },
  };
}

function inlineFragment(type: string, selections: SelectionNode[]): InlineFragmentNode {
  return {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
}
