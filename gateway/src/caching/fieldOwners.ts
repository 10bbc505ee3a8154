import type {
  ConstDirectiveNode,
  DocumentNode,
  FieldDefinitionNode,
  SelectionSetNode,
  TypeNode,
} from 'graphql';
import { Kind, parse } from 'graphql';

/**
 * Which subgraphs a field's value can come from, by the supergraph's `@join__*`
 * directives, as subgraph names (`@join__graph(name:)`): a write made by a subgraph can
 * change only what such a list names it in (docs/caching.md, "Purged by entity and
 * subgraph").
 */
export interface FieldOwners {
  /**
   * The subgraphs that resolve `type.field`, or that it depends on (its `@requires`); for
   * an interface field, its implementations' too. Every subgraph of the supergraph for a
   * field the supergraph does not declare.
   */
  of(type: string, field: string): readonly string[];
  /** Every subgraph of the supergraph. */
  readonly all: readonly string[];
}

interface FieldFacts {
  graphs: string[];
  requires: string[];
  /** The named type the field returns. */
  returns: string;
}

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((arg) => arg.name.value === name)?.value;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Reads the owners of every field of a supergraph's object and interface types. */
export function readFieldOwners(supergraph: DocumentNode): FieldOwners {
  const graphNames = new Map<string, string>();
  const fields = new Map<string, FieldFacts>();
  const implementations = new Map<string, string[]>();

  for (const definition of supergraph.definitions)
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph')
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((d) => d.name.value === 'join__graph');
        const name = graph && argument(graph, 'name');
        graphNames.set(
          value.name.value,
          name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase(),
        );
      }
  const nameOf = (graph: ReturnType<typeof argument>) =>
    graph?.kind === Kind.ENUM ? (graphNames.get(graph.value) ?? graph.value.toLowerCase()) : null;
  const all = [...new Set(graphNames.values())].sort();

  const readField = (typeGraphs: string[], field: FieldDefinitionNode): FieldFacts => {
    const joins = field.directives?.filter((d) => d.name.value === 'join__field') ?? [];
    const graphs = new Set<string>();
    const requires: string[] = [];
    for (const join of joins) {
      const overridden = argument(join, 'usedOverridden');
      if (overridden?.kind === Kind.BOOLEAN && overridden.value) continue;
      const graph = nameOf(argument(join, 'graph'));
      // A join without a graph (an interface object's field) says nothing of where.
      for (const name of graph ? [graph] : typeGraphs) graphs.add(name);
      const required = argument(join, 'requires');
      if (required?.kind === Kind.STRING) requires.push(required.value);
    }
    // No join at all: every subgraph that defines the type resolves the field.
    if (joins.length === 0) for (const name of typeGraphs) graphs.add(name);
    return { graphs: [...graphs], requires, returns: namedType(field.type) };
  };

  for (const definition of supergraph.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    const type = definition.name.value;
    const typeGraphs = (definition.directives ?? []).flatMap((d) =>
      d.name.value === 'join__type' ? [nameOf(argument(d, 'graph'))].flatMap((n) => n ?? []) : [],
    );
    for (const field of definition.fields ?? [])
      fields.set(`${type}.${field.name.value}`, readField(typeGraphs, field));
    for (const implemented of definition.interfaces ?? [])
      implementations.set(implemented.name.value, [
        ...(implementations.get(implemented.name.value) ?? []),
        type,
      ]);
  }

  const memo = new Map<string, readonly string[]>();
  const ownersOf = (type: string, field: string, visiting: Set<string>): Set<string> => {
    const coordinate = `${type}.${field}`;
    const found = new Set<string>();
    if (visiting.has(coordinate)) return found;
    visiting.add(coordinate);
    const facts = fields.get(coordinate);
    if (!facts) {
      // Undeclared on this type: an interface's implementations, or nobody knows.
      const implementing = implementations.get(type);
      if (!implementing) return new Set(all);
    } else {
      for (const graph of facts.graphs) found.add(graph);
      for (const required of facts.requires)
        for (const graph of requiredOwners(type, required, visiting)) found.add(graph);
    }
    for (const implementation of implementations.get(type) ?? [])
      for (const graph of ownersOf(implementation, field, visiting)) found.add(graph);
    return found;
  };
  const requiredOwners = (type: string, fieldSet: string, visiting: Set<string>) => {
    const found = new Set<string>();
    let selectionSet: SelectionSetNode;
    try {
      selectionSet = (parse(`{${fieldSet}}`).definitions[0] as { selectionSet: SelectionSetNode })
        .selectionSet;
    } catch {
      return new Set(all);
    }
    const walk = (parent: string, set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          for (const graph of ownersOf(parent, selection.name.value, visiting)) found.add(graph);
          const returns = fields.get(`${parent}.${selection.name.value}`)?.returns;
          if (selection.selectionSet && returns) walk(returns, selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT)
          walk(selection.typeCondition?.name.value ?? parent, selection.selectionSet);
      }
    };
    walk(type, selectionSet);
    return found;
  };

  return {
    all,
    of(type, field) {
      const coordinate = `${type}.${field}`;
      let owners = memo.get(coordinate);
      if (!owners) {
        owners = [...ownersOf(type, field, new Set())].sort();
        memo.set(coordinate, owners);
      }
      return owners;
    },
  };
}
