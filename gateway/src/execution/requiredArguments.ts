import type { Operation } from '@apollo/federation-internals';
import { Supergraph } from '@apollo/federation-internals';
import type {
  FetchDataRewrite,
  FetchNode,
  PlanNode,
  QueryPlan,
  QueryPlanSelectionNode,
  SubscriptionNode,
} from '@apollo/query-planner';
import { QueryPlanner } from '@apollo/query-planner';
import type {
  ArgumentNode,
  ConstDirectiveNode,
  DirectiveNode,
  DocumentNode,
  FieldDefinitionNode,
  FieldNode,
  GraphQLCompositeType,
  InlineFragmentNode,
  ObjectTypeDefinitionNode,
  InterfaceTypeDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import {
  buildASTSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
} from 'graphql';

/**
 * `@requires` of fields that take arguments, planned right.
 *
 * @apollo/query-planner merges a required field with whatever else the fetch selects under
 * the same response name: `@requires(fields: "price(currency: EUR)")` beside the client's
 * `price` fetches one `price`, with the client's arguments, and two `@requires` of `price`
 * with different arguments share one value. The subgraph then computes from the wrong one.
 *
 * The fix keeps the planner and changes what it is given and what it returns:
 * - **Before planning**, each required field with arguments (at any depth of a field set)
 *   gets a stand-in in the supergraph: a field without arguments named
 *   `_cgRequires<n>_<field>`, owned by the same subgraphs, and the `requires` that asked
 *   for it names the stand-in instead. The planner plans the stand-in like any field, so it
 *   never merges it with another.
 * - **After planning**, each fetch that selects a stand-in asks for the real field under
 *   the stand-in's name (`_cgRequires1_price: price(currency: EUR)`), and each entity call
 *   whose representations carry one renames it to the real field (an input `KeyRenamer`,
 *   which the executor already applies). An entity call needing two stand-ins of one field
 *   (two `@requires` with different arguments) is split into parallel calls, one per
 *   stand-in, since a representation holds one value per field.
 *
 * A supergraph without such requirements is planned as it is, at no cost.
 */
export interface RequiredArguments {
  /** The supergraph to plan on: the original, with the stand-ins. */
  supergraphSdl: string;
  /** A plan built on `supergraphSdl`, rewritten into fetches the subgraphs understand. */
  rewrite<Node extends PlanNode | SubscriptionNode | undefined>(node: Node): Node;
}

/**
 * How the gateway plans a supergraph: @apollo/query-planner on the supergraph with its
 * stand-ins, and each plan rewritten back into fetches the subgraphs understand. The one
 * place that wires the two, for the gateway and for the fuzzer's reference alike.
 */
export function createQueryPlanning(supergraphSdl: string): {
  /** The supergraph planned on (its API schema is what operations are built on). */
  supergraph: Supergraph;
  plan(operation: Operation): QueryPlan;
} {
  const requiredArguments = planRequiredArguments(supergraphSdl);
  const supergraph = Supergraph.build(requiredArguments?.supergraphSdl ?? supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  return {
    supergraph,
    plan(operation) {
      const planned = planner.buildQueryPlan(operation);
      return requiredArguments
        ? { ...planned, node: requiredArguments.rewrite(planned.node) }
        : planned;
    },
  };
}

const PREFIX = '_cgRequires';

interface StandIn {
  name: string;
  /** The real field and the arguments the field set gives it. */
  field: string;
  arguments: readonly ArgumentNode[];
}

/** Stand-ins for the supergraph's required fields with arguments; undefined if it has none. */
export function planRequiredArguments(supergraphSdl: string): RequiredArguments | undefined {
  if (!supergraphSdl.includes('requires:')) return undefined;
  const document = parse(supergraphSdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const standIns = new Map<string, StandIn>();
  /** By type name: the stand-ins to add to it. */
  const additions = new Map<string, StandIn[]>();
  /** By `graph\0type\0field`: the stand-ins a requiring field's representation carries. */
  const requirements = new Map<string, Set<string>>();
  const graphs = graphNames(document);
  /** By stand-in name: the graphs whose `@requires` ask for it (where it is external). */
  const users = new Map<string, Set<string>>();

  function standInFor(parentType: GraphQLCompositeType, field: FieldNode): StandIn {
    const key = `${parentType.name}.${field.name.value}(${field.arguments?.map((a) => print(a)).join(',')})`;
    let standIn = standIns.get(key);
    if (!standIn) {
      standIn = {
        name: `${PREFIX}${standIns.size + 1}_${field.name.value}`,
        field: field.name.value,
        arguments: field.arguments ?? [],
      };
      standIns.set(key, standIn);
      const owners = isInterfaceType(parentType)
        ? [parentType, ...schema.getPossibleTypes(parentType)]
        : [parentType];
      for (const owner of owners)
        additions.set(owner.name, [...(additions.get(owner.name) ?? []), standIn]);
    }
    return standIn;
  }

  function rewriteFieldSet(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    used: Set<string>,
  ): SelectionSetNode {
    const selections = selectionSet.selections.map((selection): SelectionNode => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) return selection;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        return condition && isCompositeType(condition)
          ? {
              ...selection,
              selectionSet: rewriteFieldSet(selection.selectionSet, condition, used),
            }
          : selection;
      }
      const definition =
        isObjectType(parentType) || isInterfaceType(parentType)
          ? parentType.getFields()[selection.name.value]
          : undefined;
      if (!definition) return selection;
      const fieldType = getNamedType(definition.type);
      const nested =
        selection.selectionSet && isCompositeType(fieldType)
          ? rewriteFieldSet(selection.selectionSet, fieldType, used)
          : selection.selectionSet;
      if (definition.args.length === 0) return { ...selection, selectionSet: nested };
      const standIn = standInFor(parentType, selection);
      used.add(standIn.name);
      return {
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: standIn.name },
        ...(nested ? { selectionSet: nested } : {}),
      };
    });
    return { ...selectionSet, selections };
  }

  function rewriteRequires(
    type: ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode,
    field: FieldDefinitionNode,
    directive: DirectiveNode,
  ): DirectiveNode {
    if (directive.name.value !== 'join__field') return directive;
    const requires = directive.arguments?.find((argument) => argument.name.value === 'requires');
    const graph = directive.arguments?.find((argument) => argument.name.value === 'graph');
    const parentType = schema.getType(type.name.value);
    if (requires?.value.kind !== Kind.STRING || !parentType || !isCompositeType(parentType))
      return directive;
    const used = new Set<string>();
    const fieldSet = parse(`{${requires.value.value}}`).definitions[0] as OperationDefinitionNode;
    const rewritten = rewriteFieldSet(fieldSet.selectionSet, parentType, used);
    if (used.size === 0) return directive;
    if (graph?.value.kind === Kind.ENUM) {
      requirements.set(`${graph.value.value}\0${type.name.value}\0${field.name.value}`, used);
      for (const name of used)
        users.set(name, (users.get(name) ?? new Set()).add(graph.value.value));
    }
    const text = print(rewritten).replace(/\s+/g, ' ').trim().slice(1, -1).trim();
    return {
      ...directive,
      arguments: directive.arguments!.map((argument) =>
        argument === requires
          ? { ...argument, value: { kind: Kind.STRING, value: text } }
          : argument,
      ),
    };
  }

  const withRequires = visit(document, {
    ObjectTypeDefinition: (type) => rewriteFieldsOf(type),
    InterfaceTypeDefinition: (type) => rewriteFieldsOf(type),
  });
  function rewriteFieldsOf<Type extends ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>(
    type: Type,
  ): Type {
    return {
      ...type,
      fields: type.fields?.map((field) => ({
        ...field,
        directives: field.directives?.map((directive) => rewriteRequires(type, field, directive)),
      })),
    };
  }
  if (standIns.size === 0) return undefined;

  const withStandIns = visit(withRequires, {
    ObjectTypeDefinition: (type) => addStandIns(type),
    InterfaceTypeDefinition: (type) => addStandIns(type),
  });
  function addStandIns<Type extends ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>(
    type: Type,
  ): Type {
    const added = additions.get(type.name.value);
    if (!added) return type;
    // A real field the requiring subgraphs declared @external only to require it is no
    // longer theirs: the stand-ins are.
    const requiring = new Set(added.flatMap((standIn) => [...(users.get(standIn.name) ?? [])]));
    const fields = (type.fields ?? []).map((field) =>
      added.some((standIn) => standIn.field === field.name.value)
        ? {
            ...field,
            directives: field.directives?.filter(
              (directive) => !(isExternalIn(directive) && requiring.has(graphOf(directive)!)),
            ),
          }
        : field,
    );
    const standInFields = added.flatMap((standIn): FieldDefinitionNode[] => {
      const real = type.fields?.find((field) => field.name.value === standIn.field);
      if (!real) return [];
      const joins = real.directives?.filter((directive) => directive.name.value === 'join__field');
      // Owned where the real field is resolved, external where it is required.
      const directives = joins?.length
        ? [
            ...joins.filter((directive) => !isExternalIn(directive)),
            ...[...(users.get(standIn.name) ?? [])].map(externalIn),
          ]
        : [];
      return [
        { ...real, name: { kind: Kind.NAME, value: standIn.name }, arguments: [], directives },
      ];
    });
    return { ...type, fields: [...fields, ...standInFields] };
  }

  const byName = new Map([...standIns.values()].map((standIn) => [standIn.name, standIn]));
  return {
    supergraphSdl: print(withStandIns),
    rewrite: (node) => rewriteNode(node, byName, requirements, graphs),
  };
}

function argumentOf(directive: DirectiveNode, name: string) {
  return directive.arguments?.find((argument) => argument.name.value === name)?.value;
}

function graphOf(directive: DirectiveNode): string | undefined {
  const graph = argumentOf(directive, 'graph');
  return graph?.kind === Kind.ENUM ? graph.value : undefined;
}

/** `@join__field(graph: G, external: true)`. */
function isExternalIn(directive: DirectiveNode): boolean {
  const external = argumentOf(directive, 'external');
  return (
    directive.name.value === 'join__field' && external?.kind === Kind.BOOLEAN && external.value
  );
}

function externalIn(graph: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'join__field' },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'graph' },
        value: { kind: Kind.ENUM, value: graph },
      },
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'external' },
        value: { kind: Kind.BOOLEAN, value: true },
      },
    ],
  };
}

/** Subgraph names (as fetch nodes name them) to their `join__Graph` values. */
function graphNames(document: DocumentNode): Map<string, string> {
  const graphs = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph')
      continue;
    for (const value of definition.values ?? []) {
      const name = value.directives
        ?.find((directive) => directive.name.value === 'join__graph')
        ?.arguments?.find((argument) => argument.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) graphs.set(name.value, value.name.value);
    }
  }
  return graphs;
}

function rewriteNode<Node extends PlanNode | SubscriptionNode | undefined>(
  node: Node,
  standIns: ReadonlyMap<string, StandIn>,
  requirements: ReadonlyMap<string, ReadonlySet<string>>,
  graphs: ReadonlyMap<string, string>,
): Node {
  const rewrite = <Child extends PlanNode | SubscriptionNode | undefined>(child: Child): Child =>
    rewriteNode(child, standIns, requirements, graphs);
  if (!node) return node;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { ...node, nodes: node.nodes.map(rewrite) };
    case 'Flatten':
      return { ...node, node: rewrite(node.node) };
    case 'Condition':
      return { ...node, ifClause: rewrite(node.ifClause), elseClause: rewrite(node.elseClause) };
    case 'Subscription':
      return { ...node, primary: rewrite(node.primary), rest: rewrite(node.rest) };
    case 'Defer':
      return {
        ...node,
        primary: { ...node.primary, node: rewrite(node.primary.node) },
        deferred: node.deferred.map((deferred) => ({ ...deferred, node: rewrite(deferred.node) })),
      };
    case 'Fetch':
      return rewriteFetch(node, standIns, requirements, graphs) as Node;
    default:
      return node;
  }
}

/** Where a stand-in sits in a representation, and the real field it stands for. */
interface Carried {
  path: string[];
  standIn: StandIn;
}

function rewriteFetch(
  fetch: FetchNode,
  standIns: ReadonlyMap<string, StandIn>,
  requirements: ReadonlyMap<string, ReadonlySet<string>>,
  graphs: ReadonlyMap<string, string>,
): FetchNode | PlanNode {
  if (!fetch.operation.includes(PREFIX) && !JSON.stringify(fetch.requires ?? []).includes(PREFIX))
    return fetch;
  const carried: Carried[] = [];
  if (fetch.requires) collectCarried(fetch.requires, [], standIns, carried);
  const operation = parse(fetch.operation);
  const conflicts = new Map<string, Set<string>>();
  for (const { path, standIn } of carried) {
    const at = `${path.slice(0, -1).join('\0')}\0${standIn.field}`;
    conflicts.set(at, (conflicts.get(at) ?? new Set()).add(standIn.name));
  }
  const parts = [...conflicts.values()].some((names) => names.size > 1)
    ? splitEntityCall(
        operation,
        graphs.get(fetch.serviceName),
        requirements,
        conflictKeyOf(carried),
      )
    : undefined;
  if (!parts) return asFetch(fetch, operation, carried, undefined, standIns);
  return {
    kind: 'Parallel',
    nodes: parts.map((part) => asFetch(fetch, part.operation, carried, part.standIns, standIns)),
  };
}

function collectCarried(
  selections: readonly QueryPlanSelectionNode[],
  path: string[],
  standIns: ReadonlyMap<string, StandIn>,
  carried: Carried[],
): void {
  for (const selection of selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const step = selection.typeCondition ? [`... on ${selection.typeCondition}`] : [];
      collectCarried(selection.selections, [...path, ...step], standIns, carried);
      continue;
    }
    const responseName = selection.alias ?? selection.name;
    const standIn = standIns.get(selection.name);
    if (standIn) carried.push({ path: [...path, responseName], standIn });
    if (selection.selections)
      collectCarried(selection.selections, [...path, responseName], standIns, carried);
  }
}

/** By stand-in: what it conflicts over (its place and real field in the representation). */
function conflictKeyOf(carried: readonly Carried[]): Map<string, string> {
  return new Map(
    carried.map(({ path, standIn }) => [
      standIn.name,
      `${path.slice(0, -1).join('\0')}\0${standIn.field}`,
    ]),
  );
}

/**
 * Splits an entity call's selection into parts whose requirements never carry two
 * stand-ins of one field at one place. Undefined when the call's shape is not one it
 * knows (`_entities` with inline fragments of plain fields), which leaves the call whole.
 */
function splitEntityCall(
  operation: DocumentNode,
  graph: string | undefined,
  requirements: ReadonlyMap<string, ReadonlySet<string>>,
  conflictKey: ReadonlyMap<string, string>,
): { operation: DocumentNode; standIns: Set<string> }[] | undefined {
  const definition = operation.definitions[0];
  if (
    !graph ||
    operation.definitions.length !== 1 ||
    definition?.kind !== Kind.OPERATION_DEFINITION
  )
    return undefined;
  const entities = definition.selectionSet.selections[0];
  if (
    definition.selectionSet.selections.length !== 1 ||
    entities?.kind !== Kind.FIELD ||
    entities.name.value !== '_entities' ||
    !entities.selectionSet
  )
    return undefined;
  const parts: {
    fragments: Map<InlineFragmentNode, FieldNode[]>;
    standIns: Set<string>;
    taken: Map<string, string>;
  }[] = [];
  for (const fragment of entities.selectionSet.selections) {
    if (fragment.kind !== Kind.INLINE_FRAGMENT || !fragment.typeCondition) return undefined;
    const typeName = fragment.typeCondition.name.value;
    for (const field of fragment.selectionSet.selections) {
      if (field.kind !== Kind.FIELD) return undefined;
      const needs = requirements.get(`${graph}\0${typeName}\0${field.name.value}`) ?? new Set();
      let part = parts.find((candidate) =>
        [...needs].every((name) => {
          const taken = candidate.taken.get(conflictKey.get(name) ?? name);
          return taken === undefined || taken === name;
        }),
      );
      if (!part) {
        part = { fragments: new Map(), standIns: new Set(), taken: new Map() };
        parts.push(part);
      }
      for (const name of needs) {
        part.standIns.add(name);
        part.taken.set(conflictKey.get(name) ?? name, name);
      }
      part.fragments.set(fragment, [...(part.fragments.get(fragment) ?? []), field]);
    }
  }
  if (parts.length < 2) return undefined;
  return parts.map((part) => {
    const selections = [...part.fragments].map(([fragment, fields]) => ({
      ...fragment,
      selectionSet: { ...fragment.selectionSet, selections: fields },
    }));
    const body: SelectionSetNode = {
      kind: Kind.SELECTION_SET,
      selections: [{ ...entities, selectionSet: { kind: Kind.SELECTION_SET, selections } }],
    };
    const used = variablesIn(body);
    return {
      operation: {
        ...operation,
        definitions: [
          {
            ...definition,
            selectionSet: body,
            variableDefinitions: definition.variableDefinitions?.filter((variable) =>
              used.has(variable.variable.name.value),
            ),
          },
        ],
      },
      standIns: part.standIns,
    };
  });
}

function variablesIn(selectionSet: SelectionSetNode): Set<string> {
  const names = new Set<string>();
  visit(selectionSet, { Variable: (variable) => void names.add(variable.name.value) });
  return names;
}

/**
 * The fetch, asking the real fields for its stand-ins, and renaming the stand-ins its
 * representations carry (those of `only`, when split) to their real fields.
 */
function asFetch(
  fetch: FetchNode,
  operation: DocumentNode,
  carried: readonly Carried[],
  only: ReadonlySet<string> | undefined,
  standIns: ReadonlyMap<string, StandIn>,
): FetchNode {
  const asked = visit(operation, {
    Field(field) {
      const standIn = standIns.get(field.name.value);
      if (!standIn) return undefined;
      return {
        ...field,
        alias: field.alias ?? { kind: Kind.NAME, value: standIn.name },
        name: { kind: Kind.NAME, value: standIn.field },
        arguments: standIn.arguments,
      };
    },
  });
  const kept = only ? carried.filter(({ standIn }) => only.has(standIn.name)) : carried;
  const renames: FetchDataRewrite[] = kept.map(({ path, standIn }) => ({
    kind: 'KeyRenamer',
    path,
    renameKeyTo: standIn.field,
  }));
  const rewritten: FetchNode = {
    ...fetch,
    operation: stripIgnoredCharacters(print(asked)),
    inputRewrites: [...(fetch.inputRewrites ?? []), ...renames],
  };
  delete rewritten.operationDocumentNode;
  if (only) {
    rewritten.requires = withoutStandIns(fetch.requires ?? [], only, standIns);
    const used = variablesIn((asked.definitions[0] as OperationDefinitionNode).selectionSet);
    if (fetch.variableUsages)
      rewritten.variableUsages = fetch.variableUsages.filter((name) => used.has(name));
  }
  if (!rewritten.inputRewrites?.length) delete rewritten.inputRewrites;
  return rewritten;
}

function withoutStandIns(
  selections: readonly QueryPlanSelectionNode[],
  only: ReadonlySet<string>,
  standIns: ReadonlyMap<string, StandIn>,
): QueryPlanSelectionNode[] {
  return selections
    .filter((selection) => {
      if (selection.kind !== Kind.FIELD) return true;
      return !standIns.has(selection.name) || only.has(selection.name);
    })
    .map((selection) =>
      selection.selections
        ? { ...selection, selections: withoutStandIns(selection.selections, only, standIns) }
        : selection,
    );
}
