import type {
  CompositeType,
  EnumType,
  Operation,
  ScalarType,
  SelectionSet,
  Type,
} from '@apollo/federation-internals';
import {
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
  Variable,
} from '@apollo/federation-internals';
import type { ErrorCode } from '@cinegraph/service-kit';
import { GraphQLError } from 'graphql';
import { createRecord } from './createRecord.ts';

/**
 * The final step of executing a query plan: from the merged subgraph data, keep exactly
 * what the operation asked for, in its order, with GraphQL's null propagation and checks
 * on each value. It computes what @apollo/gateway's `computeResponse` computes, byte for
 * byte, but walks a program compiled once per operation instead of the operation's
 * selection objects, so per request there are no directive lookups, schema lookups or
 * subtype checks (they are memoised per runtime type).
 *
 * Its errors (a null in a non-null field, an unknown __typename, an invalid leaf value)
 * are @apollo/gateway's, word for word and at the same paths, but with the code
 * RESPONSE_VALIDATION_FAILED instead of federation's INVALID_GRAPHQL: they come from a
 * subgraph's data, not from a bug of ours, so the error formatter must let them through
 * rather than mask them as internal errors.
 */
export interface ShapedResponse {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

export interface ResultShaper {
  shape(
    input: Record<string, unknown>,
    variables: Record<string, unknown> | undefined,
  ): ShapedResponse;
}

type LeafType = ScalarType | EnumType;

type Condition = boolean | { variable: string };

interface FieldStep {
  kind: 'field';
  responseName: string;
  isTypename: boolean;
  skip: Condition | undefined;
  include: Condition | undefined;
  type: ValueType;
  selection: CompiledSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  skip: Condition | undefined;
  include: Condition | undefined;
  /** Whether the fragment applies to an object of this runtime type (memoised). */
  applies: (typename: unknown, parentType: CompositeType) => boolean;
  parentType: CompositeType | undefined;
  selection: CompiledSet;
}

type Step = FieldStep | FragmentStep;

interface CompiledSet {
  steps: Step[];
}

type ValueType =
  | { kind: 'nonNull'; of: ValueType; description: string }
  | { kind: 'list'; of: ValueType; description: string }
  | { kind: 'composite'; type: CompositeType; description: string }
  | { kind: 'leaf'; type: LeafType; description: string };

const NULL_BUBBLE_UP = 1;
const OK = 0;

interface Run {
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  path: (string | number)[];
  /**
   * What the last `updateValue` found besides the value it returned, read right after the
   * call: whether the value is invalid (a null where a non-null was due) and whether an
   * error was reported for it. Flags here rather than a result object per value: those
   * were three quarters of what shaping allocated besides the response itself.
   */
  isInvalid: boolean;
  hasErrors: boolean;
}

/** The response-shaping program of one operation, compiled once and reused. */
export function compileResultShaper(operation: Operation): ResultShaper {
  const schema = operation.schema();
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  const typeOfName = memoise((name: string) => schema.type(name));
  let usesVariables = false;

  function conditionOf(
    element: {
      appliedDirectivesOf(definition: unknown): { arguments(): Record<string, unknown> }[];
    },
    directive: unknown,
  ): Condition | undefined {
    const applied = element.appliedDirectivesOf(directive)[0];
    if (!applied) return undefined;
    const value = applied.arguments()['if'];
    if (value instanceof Variable) {
      usesVariables = true;
      return { variable: value.name };
    }
    return value as boolean;
  }

  function valueType(type: Type): ValueType {
    const description = String(type);
    if (isNonNullType(type)) return { kind: 'nonNull', of: valueType(type.ofType), description };
    if (isListType(type)) return { kind: 'list', of: valueType(type.ofType), description };
    if (isCompositeType(type)) return { kind: 'composite', type, description };
    return { kind: 'leaf', type: type as LeafType, description };
  }

  function compile(selectionSet: SelectionSet): CompiledSet {
    const steps: Step[] = [];
    for (const selection of selectionSet.selections()) {
      const element = selection.element;
      const skip = conditionOf(element as never, skipDirective);
      const include = conditionOf(element as never, includeDirective);
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        if (field.definition.isSchemaIntrospectionField())
          throw new Error('schema introspection is left to @apollo/gateway');
        steps.push({
          kind: 'field',
          responseName: field.responseName(),
          isTypename: field.name === typenameFieldName,
          skip,
          include,
          type: valueType(field.definition.type!),
          selection: selection.selectionSet ? compile(selection.selectionSet) : undefined,
        });
      } else {
        const typeCondition = selection.element.typeCondition;
        const byTypename = new Map<unknown, boolean>();
        const byParent = new Map<CompositeType, boolean>();
        steps.push({
          kind: 'fragment',
          skip,
          include,
          parentType: typeCondition,
          selection: compile(selection.selectionSet),
          applies: !typeCondition
            ? () => true
            : (typename, parentType) => {
                if (typename) {
                  let applies = byTypename.get(typename);
                  if (applies === undefined) {
                    const type = typeOfName(typename as string);
                    applies = !!type && isSubtype(typeCondition, type);
                    byTypename.set(typename, applies);
                  }
                  return applies;
                }
                let applies = byParent.get(parentType);
                if (applies === undefined) {
                  applies = isSubtype(typeCondition, parentType);
                  byParent.set(parentType, applies);
                }
                return applies;
              },
        });
      }
    }
    return { steps };
  }

  const root = compile(operation.selectionSet);
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)!;
  const defaults = usesVariables ? operation.collectDefaultedVariableValues() : {};

  function holds(condition: Condition, variables: Record<string, unknown>): boolean {
    if (typeof condition === 'boolean') return condition;
    const value = variables[condition.variable];
    if (typeof value !== 'boolean')
      throw new Error(`Unexpected value ${String(value)} for variable $${condition.variable}`);
    return value;
  }

  function skipped(step: Step, run: Run): boolean {
    if (step.skip === undefined && step.include === undefined) return false;
    return (
      (step.skip !== undefined && holds(step.skip, run.variables)) ||
      (step.include !== undefined && !holds(step.include, run.variables))
    );
  }

  function describeLast(path: Run['path'], currentType: string, parentType: CompositeType) {
    const element = path[path.length - 1];
    return typeof element === 'string'
      ? `field ${parentType.name}.${element}`
      : `array element of type ${currentType} at index ${element}`;
  }

  function applySet(
    input: Record<string, unknown>,
    set: CompiledSet,
    output: Record<string, unknown>,
    run: Run,
    parentType: CompositeType,
  ): number {
    for (const step of set.steps) {
      if (skipped(step, run)) continue;
      if (step.kind === 'field') {
        const name = step.responseName;
        const outputValue = output[name];
        let inputValue = Object.hasOwn(input, name) ? (input[name] ?? null) : null;
        if (step.isTypename) {
          if (outputValue === undefined) {
            if (inputValue === null && name !== typenameFieldName)
              inputValue = input[typenameFieldName] ?? null;
            const type =
              inputValue !== null && typeof inputValue === 'string'
                ? (typeOfName(inputValue) ?? parentType)
                : parentType;
            if (!isObjectType(type)) return NULL_BUBBLE_UP;
            output[name] = type.name;
          }
          continue;
        }
        run.path.push(name);
        output[name] = updateValue(
          outputValue,
          step.type,
          inputValue,
          step.selection,
          run,
          parentType,
        );
        run.path.pop();
        if (run.isInvalid) return NULL_BUBBLE_UP;
      } else {
        const typename = input[typenameFieldName];
        if (typename && typeof typename !== 'string')
          throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
        if (step.applies(typename, parentType)) {
          const result = applySet(
            input,
            step.selection,
            output,
            run,
            step.parentType ?? parentType,
          );
          if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
        }
      }
    }
    return OK;
  }

  /** Sets `run.isInvalid` and `run.hasErrors` for the value it returns. */
  function found(run: Run, value: unknown, hasErrors = false, isInvalid = false): unknown {
    run.isInvalid = isInvalid;
    run.hasErrors = hasErrors;
    return value;
  }

  /** The output value for one input value; `run.isInvalid` and `run.hasErrors` say more. */
  function updateValue(
    outputValue: unknown,
    type: ValueType,
    inputValue: unknown,
    selection: CompiledSet | undefined,
    run: Run,
    parentType: CompositeType,
  ): unknown {
    if (outputValue === null || (outputValue !== undefined && !selection))
      return found(run, outputValue);
    switch (type.kind) {
      case 'nonNull': {
        const updated = updateValue(outputValue, type.of, inputValue, selection, run, parentType);
        if (updated === null) {
          if (!run.hasErrors)
            run.errors.push(
              invalidResponse(
                `Cannot return null for non-nullable ${describeLast(run.path, type.of.description, parentType)}.`,
                run.path,
              ),
            );
          return found(run, updated, true, true);
        }
        return found(run, updated);
      }
      case 'list': {
        if (inputValue === null) return found(run, null);
        if (!Array.isArray(inputValue))
          throw new Error(
            `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type.description}`,
          );
        const outputList = outputValue as unknown[] | undefined;
        if (outputList !== undefined && !Array.isArray(outputList))
          throw new Error(
            `Invalid non-list value ${String(outputList)} returned by subgraph for list type ${type.description}`,
          );
        if (outputList && outputList.length !== inputValue.length)
          throw new Error(`list lengths differ (${inputValue.length} !== ${outputList.length})`);
        let shouldNullify = false;
        let hasErrors = false;
        const updated = new Array<unknown>(inputValue.length);
        for (let index = 0; index < inputValue.length; index++) {
          run.path.push(index);
          updated[index] = updateValue(
            outputList?.[index],
            type.of,
            inputValue[index],
            selection,
            run,
            parentType,
          );
          run.path.pop();
          shouldNullify ||= run.isInvalid;
          hasErrors ||= run.hasErrors;
        }
        return found(run, shouldNullify ? null : updated, hasErrors);
      }
      case 'composite': {
        if (inputValue === null) return found(run, null);
        if (!selection)
          throw new Error(`Invalid empty selection set for composite type ${type.description}`);
        if (typeof inputValue !== 'object')
          throw new Error(
            `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.description}`,
          );
        const object = inputValue as Record<string, unknown>;
        const inputTypename = object[typenameFieldName];
        if (inputTypename !== undefined && typeof inputTypename !== 'string')
          throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename`);
        let objectType: CompositeType = type.type;
        if (inputTypename) {
          const named = typeOfName(inputTypename);
          if (!named || !isCompositeType(named)) {
            run.errors.push(
              invalidResponse(
                `Invalid __typename found for object at ${describeLast(run.path, type.description, parentType)}.`,
                run.path,
              ),
            );
            return found(run, null, true);
          }
          objectType = named;
        }
        const outputObject =
          outputValue === undefined ? createRecord() : (outputValue as Record<string, unknown>);
        const hasErrors =
          applySet(object, selection, outputObject, run, objectType) === NULL_BUBBLE_UP;
        return found(run, hasErrors ? null : outputObject, hasErrors);
      }
      case 'leaf': {
        if (inputValue === null) return found(run, null);
        if (outputValue !== undefined)
          throw new Error(`Expected output to be undefined for type ${type.description}`);
        const valid = isValidLeafValue(schema, inputValue, type.type);
        if (!valid)
          run.errors.push(
            invalidResponse(
              `Invalid value found for ${describeLast(run.path, type.description, parentType)}.`,
              run.path,
            ),
          );
        return found(run, valid ? inputValue : null, !valid);
      }
    }
  }

  return {
    shape(input, variables) {
      const run: Run = {
        variables: usesVariables ? { __proto__: null, ...defaults, ...variables } : {},
        errors: [],
        path: [],
        isInvalid: false,
        hasErrors: false,
      };
      const data = createRecord();
      const result = applySet(input, root, data, run, rootType);
      return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
    },
  };
}

const RESPONSE_VALIDATION_FAILED: ErrorCode = 'RESPONSE_VALIDATION_FAILED';

/** A value of the merged data that the schema does not allow, at `path` (copied). */
function invalidResponse(message: string, path: Run['path']): GraphQLError {
  return new GraphQLError(message, {
    path: Array.from(path),
    extensions: { code: RESPONSE_VALIDATION_FAILED },
  });
}

function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
