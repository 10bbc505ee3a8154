import type {
  FragmentDefinitionNode,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql';
import { Kind, getNamedType, isListType, isNonNullType, isObjectType, parse } from 'graphql';

/** What an operation's answer must look like: the fields it selects and which may be null. */
interface FieldShape {
  key: string;
  nonNull: boolean;
  /** Nesting of lists around the value, each flagged whether its items may be null. */
  lists: boolean[];
  children: FieldShape[];
}

function shapeOf(
  selectionSet: SelectionSetNode,
  parent: GraphQLObjectType,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldShape[] {
  const shapes: FieldShape[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (selection.name.value === '__typename') {
        shapes.push({ key, nonNull: true, lists: [], children: [] });
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      if (!field) throw new Error(`${parent.name} has no field ${selection.name.value}`);
      let type: GraphQLOutputType = field.type;
      const nonNull = isNonNullType(type);
      if (isNonNullType(type)) type = type.ofType;
      const lists: boolean[] = [];
      while (isListType(type)) {
        const item: GraphQLOutputType = type.ofType;
        lists.push(isNonNullType(item));
        type = isNonNullType(item) ? item.ofType : item;
      }
      const named = getNamedType(type);
      // Interfaces and unions would need the answer's __typename; none of these operations
      // select one, so only object types are walked.
      const children =
        selection.selectionSet && isObjectType(named)
          ? shapeOf(selection.selectionSet, named, fragments)
          : [];
      shapes.push({ key, nonNull, lists, children });
    } else {
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragments.get(selection.name.value)?.typeCondition.name.value;
      const set =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments.get(selection.name.value)?.selectionSet;
      if (set && (!condition || condition === parent.name))
        shapes.push(...shapeOf(set, parent, fragments));
    }
  }
  return shapes;
}

function problemIn(value: unknown, shape: FieldShape, path: string, depth: number): string | null {
  if (value === undefined) return `${path} is missing`;
  if (value === null) return shape.nonNull ? `${path} is null` : null;
  if (depth < shape.lists.length) {
    if (!Array.isArray(value)) return `${path} is not a list`;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null) {
        if (shape.lists[depth]) return `${path}[${i}] is null`;
        continue;
      }
      const problem = problemIn(item, shape, `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (shape.children.length === 0) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `${path} is not an object`;
  const object = value as Record<string, unknown>;
  for (const child of shape.children) {
    const problem = problemIn(object[child.key], child, `${path}.${child.key}`, 0);
    if (problem) return problem;
  }
  return null;
}

/**
 * A check of an answer's `data` against the operation's selections and the schema's
 * nullability: every selected field present, non-null fields not null, lists as lists.
 * Root fields must not be null even where the schema allows it (`movie`, `me`,
 * `booking`, `showtime`): the load asks only for what exists, as a viewer signed in.
 * Returns the first problem, or null.
 */
export function createAnswerCheck(
  schema: GraphQLSchema,
  body: string,
): (data: unknown) => string | null {
  const document = parse(body);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  if (!operation) throw new Error('No operation in the document');
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) throw new Error(`The schema has no ${operation.operation} type`);
  const roots = shapeOf(operation.selectionSet, root, fragments).map((shape) => ({
    ...shape,
    nonNull: true,
  }));
  return (data) => {
    if (!data || typeof data !== 'object') return 'data is missing';
    const object = data as Record<string, unknown>;
    for (const shape of roots) {
      const problem = problemIn(object[shape.key], shape, shape.key, 0);
      if (problem) return problem;
    }
    return null;
  };
}
