import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { getVariableValues, Kind, Lexer, Source, TokenKind } from 'graphql';
import type { ErrorCode } from '@cinegraph/service-kit';
import { createError, replyWithError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { CostDirectives } from '../limits/costDirectives.ts';
import { estimateCost } from '../limits/operationCost.ts';
import { measureOperation } from '../limits/operationShape.ts';
import { isGraphQLRequest, requestedOperations } from './requestedOperations.ts';

type Limits = GatewayConfig['limits'];

function limitError(code: ErrorCode, message: string, limit: number, measured: number) {
  return createError(code, message, {
    limit,
    measured,
    http: { status: 400, headers: new HeaderMap() },
  });
}

/** Counts tokens the way graphql-js's parser does, stopping one past the limit. */
export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > stopAfter) break;
    }
  } catch {
    // A syntax error: the parser will say so, with its own code.
  }
  return count;
}

/**
 * The token limit, checked on the raw text before anything is parsed (parsing a huge
 * document is the cost being limited): MAX_TOKENS_EXCEEDED.
 */
export function useTokenLimit(app: FastifyInstance, limits: Limits, path: string): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, path)) return;
    for (const { query } of requestedOperations(request)) {
      if (query === undefined) continue;
      const tokens = countTokens(query, limits.maxTokens);
      if (tokens > limits.maxTokens)
        return replyWithError(
          reply,
          limitError(
            'MAX_TOKENS_EXCEEDED',
            `The operation has more than ${limits.maxTokens} tokens.`,
            limits.maxTokens,
            tokens,
          ),
        );
    }
  });
}

/**
 * Depth, aliases, root fields and estimated cost of a parsed and validated operation: the
 * first limit it breaks, as an error with its own code, or undefined.
 */
export function operationLimitError(
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
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;

  const shape = measureOperation(operation, fragments);
  if (shape.depth > limits.maxDepth)
    return limitError(
      'MAX_DEPTH_EXCEEDED',
      `The operation is ${shape.depth} levels deep; the limit is ${limits.maxDepth}.`,
      limits.maxDepth,
      shape.depth,
    );
  if (shape.aliases > limits.maxAliases)
    return limitError(
      'MAX_ALIASES_EXCEEDED',
      `The operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`,
      limits.maxAliases,
      shape.aliases,
    );
  if (shape.rootFields > limits.maxRootFields)
    return limitError(
      'MAX_ROOT_FIELDS_EXCEEDED',
      `The operation selects ${shape.rootFields} root fields; the limit is ${limits.maxRootFields}.`,
      limits.maxRootFields,
      shape.rootFields,
    );
  if (!variables) return undefined;
  const cost = estimateCost(operation, fragments, {
    schema,
    directives,
    defaultListSize: limits.defaultListSize,
    variables,
  });
  if (cost > limits.maxCost)
    return limitError(
      'COST_LIMIT_EXCEEDED',
      `The operation's estimated cost is ${cost}; the limit is ${limits.maxCost}. Ask for fewer items per list.`,
      limits.maxCost,
      cost,
    );
  return undefined;
}

/** The operation limits, checked once Apollo Server has parsed and validated, before planning. */
export function operationLimitsPlugin(
  limits: Limits,
  directives: () => CostDirectives,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          // The cost reads arguments, so it needs the variables as the operation sees them:
          // coerced, with their defaults. Variables that do not coerce leave the cost
          // unknown; the executor refuses them (BAD_USER_INPUT) before any subgraph is called.
          const { coerced } = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          const error = operationLimitError(
            { operation, document, schema, variables: coerced },
            limits,
            directives(),
          );
          if (error) throw error;
        },
      };
    },
  };
}
