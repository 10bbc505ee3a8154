import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { Kind, Lexer, Source, TokenKind } from 'graphql';
import type { ErrorCode } from '@cinegraph/service-kit';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { CostDirectives } from '../limits/costDirectives.ts';
import { estimateCost } from '../limits/operationCost.ts';
import { measureOperation, mostRepeats } from '../limits/operationShape.ts';

type Limits = GatewayConfig['limits'];

function limitError(code: ErrorCode, message: string, limit: number, measured: number) {
  return createError(code, message, { limit, measured });
}

/**
 * Validation stops after this many errors (graphql-js's default is 100, each with its
 * "did you mean": a document of unknown fields then costs 15 ms to refuse).
 */
export const MAX_VALIDATION_ERRORS = 10;

/** The longest name (field, argument, fragment, ...) the gateway reads. */
export const MAX_NAME_LENGTH = 1_024;

/**
 * Reads the text as graphql-js's parser does, stopping one token past the limit: its
 * tokens, and whether a name is too long to read (a 900 KB name costs the validator's
 * "did you mean" 100 ms).
 */
export function scanTokens(
  query: string,
  stopAfter: number,
): { tokens: number; longName: boolean } {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.NAME && token.end - token.start > MAX_NAME_LENGTH)
        return { tokens, longName: true };
      if (++tokens > stopAfter) break;
    }
  } catch {
    // A syntax error: the parser will say so, with its own code.
  }
  return { tokens, longName: false };
}

/**
 * The limits on the text: its length (checked at once; lexing 900 KB takes 10 ms), its
 * tokens, and its names. MAX_TEXT_LENGTH_EXCEEDED, MAX_TOKENS_EXCEEDED or
 * MAX_TOKEN_LENGTH_EXCEEDED.
 */
export function textLimitError(query: string, limits: Limits): GraphQLError | undefined {
  if (query.length > limits.maxTextLength)
    return createError(
      'MAX_TEXT_LENGTH_EXCEEDED',
      `The operation text is longer than ${limits.maxTextLength} characters; send long values as variables.`,
      { limit: limits.maxTextLength, measured: query.length },
    );
  const { tokens, longName } = scanTokens(query, limits.maxTokens);
  if (tokens > limits.maxTokens)
    return limitError(
      'MAX_TOKENS_EXCEEDED',
      `The operation has more than ${limits.maxTokens} tokens.`,
      limits.maxTokens,
      tokens,
    );
  if (longName)
    return createError(
      'MAX_TOKEN_LENGTH_EXCEEDED',
      `A name in the operation is longer than ${MAX_NAME_LENGTH} characters.`,
      { limit: MAX_NAME_LENGTH },
    );
  return undefined;
}

/**
 * The operations and fragments a document defines, before validation: graphql-js
 * validates each (1,000 one-line operations take it 20 ms, 600 unused fragments 13 ms).
 * MAX_DEFINITIONS_EXCEEDED, or undefined.
 */
export function definitionsLimitError(
  document: DocumentNode,
  limits: Limits,
): GraphQLError | undefined {
  let operations = 0;
  let fragments = 0;
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) operations++;
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments++;
  if (operations > limits.maxOperations)
    return limitError(
      'MAX_DEFINITIONS_EXCEEDED',
      `The document defines ${operations} operations; the limit is ${limits.maxOperations}.`,
      limits.maxOperations,
      operations,
    );
  if (fragments > limits.maxFragments)
    return limitError(
      'MAX_DEFINITIONS_EXCEEDED',
      `The document defines ${fragments} fragments; the limit is ${limits.maxFragments}.`,
      limits.maxFragments,
      fragments,
    );
  return undefined;
}

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

/**
 * The limits on an operation's shape: variables, depth, aliases, root fields, selections
 * once its fragments are expanded, and repeats of one field. They read the syntax tree alone, in
 * time linear in it, so they run before validation, whose cost grows with the expanded
 * operation and with repeats. The first limit broken, as an error with its code, or
 * undefined.
 */
export function shapeLimitError(
  operation: OperationDefinitionNode,
  fragments: Fragments,
  limits: Limits,
): GraphQLError | undefined {
  const variables = operation.variableDefinitions?.length ?? 0;
  const shape = measureOperation(operation, fragments);
  // Each limit in turn: its code, what was measured, the limit, and how to say it.
  const checks: [ErrorCode, number, number, (measured: number, limit: number) => string][] = [
    [
      'MAX_VARIABLES_EXCEEDED',
      variables,
      limits.maxVariables,
      (n, l) => `The operation declares ${n} variables; the limit is ${l}.`,
    ],
    [
      'MAX_DEPTH_EXCEEDED',
      shape.depth,
      limits.maxDepth,
      (n, l) => `The operation is ${n} levels deep; the limit is ${l}.`,
    ],
    [
      'MAX_ALIASES_EXCEEDED',
      shape.aliases,
      limits.maxAliases,
      (n, l) => `The operation uses ${n} aliases; the limit is ${l}.`,
    ],
    [
      'MAX_ROOT_FIELDS_EXCEEDED',
      shape.rootFields,
      limits.maxRootFields,
      (n, l) => `The operation selects ${n} root fields; the limit is ${l}.`,
    ],
    [
      'MAX_SELECTIONS_EXCEEDED',
      shape.selections,
      limits.maxSelections,
      (n, l) =>
        `The operation selects ${n} fields once its fragments are expanded; the limit is ${l}.`,
    ],
  ];
  for (const [code, measured, limit, message] of checks)
    if (measured > limit) return limitError(code, message(measured, limit), limit, measured);
  const repeats = mostRepeats(operation, fragments);
  if (repeats > limits.maxRepeats)
    return limitError(
      'MAX_SELECTIONS_EXCEEDED',
      `The operation selects one field, spreads fragments or uses directives ${repeats} times in one place; the limit is ${limits.maxRepeats}.`,
      limits.maxRepeats,
      repeats,
    );
  return undefined;
}

/**
 * The estimated cost of a parsed and validated operation against its limit:
 * COST_LIMIT_EXCEEDED, or undefined.
 */
export function costLimitError(
  {
    operation,
    document,
    schema,
    variables,
  }: {
    operation: OperationDefinitionNode;
    document: DocumentNode;
    schema: GraphQLSchema;
    /** Coerced; undefined when they do not coerce, and then the cost is not estimated. */
    variables: Record<string, unknown> | undefined;
  },
  limits: Limits,
  directives: CostDirectives,
): GraphQLError | undefined {
  if (!variables) return undefined;
  const cost = estimateCost(operation, fragmentsOf(document), {
    schema,
    directives,
    defaultListSize: limits.defaultListSize,
    variables,
    stopAbove: limits.maxCost,
  });
  if (cost > limits.maxCost)
    return limitError(
      'COST_LIMIT_EXCEEDED',
      `The operation's estimated cost is ${cost > Number.MAX_SAFE_INTEGER ? 'over ' + Number.MAX_SAFE_INTEGER : cost}; the limit is ${limits.maxCost}. Ask for fewer items per list.`,
      limits.maxCost,
      cost,
    );
  return undefined;
}
