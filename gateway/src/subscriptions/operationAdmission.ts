import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getOperationAST, getVariableValues, GraphQLError, parse, validate } from 'graphql';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { SubscriptionPlanning } from '../execution/planExecution.ts';
import type { CostDirectives } from '../limits/costDirectives.ts';
import {
  MAX_VALIDATION_ERRORS,
  costLimitError,
  fragmentsOf,
  shapeLimitError,
  textLimitError,
} from '../plugins/useOperationLimits.ts';
import type { FederatedSubscriptions } from './federatedSubscriptions.ts';

export interface OperationPayload {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

export type Admission =
  | { errors: readonly GraphQLError[] }
  | {
      schema: GraphQLSchema;
      document: DocumentNode;
      operation: OperationDefinitionNode;
      operationName: string | undefined;
      variables: Record<string, unknown> | undefined;
    };

/**
 * What an operation sent over a WebSocket or an event stream must pass before it runs,
 * the same as on HTTP: the token limit, parsing, validation against the API schema, the
 * depth/alias/root-field/cost limits and, for a subscription, a plan the gateway can run
 * and variables of the right types. Each refusal has its code.
 */
export function createOperationAdmission(options: {
  planning: SubscriptionPlanning;
  subscriptions: FederatedSubscriptions;
  limits: GatewayConfig['limits'];
  costDirectives: () => CostDirectives;
}) {
  const { limits } = options;
  return (payload: OperationPayload): Admission => {
    const schema = options.planning.apiSchema();
    if (!schema)
      return { errors: [createError('SUBGRAPH_UNAVAILABLE', 'No supergraph is loaded yet.')] };
    if (typeof payload.query !== 'string' || payload.query === '')
      return {
        errors: [new GraphQLError('Send the operation text in "query".', code('BAD_REQUEST'))],
      };
    const overText = textLimitError(payload.query, limits);
    if (overText) return { errors: [overText] };
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      const syntax = error as GraphQLError;
      return {
        errors: [
          new GraphQLError(syntax.message, {
            ...(syntax.source && syntax.positions
              ? { source: syntax.source, positions: syntax.positions }
              : {}),
            ...code('GRAPHQL_PARSE_FAILED'),
          }),
        ],
      };
    }
    const operationName = payload.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    // The shape before validation: validating a crafted shape is a cost being limited.
    const overShape = operation && shapeLimitError(operation, fragmentsOf(document), limits);
    if (overShape) return { errors: [overShape] };
    const invalid = validate(schema, document, undefined, { maxErrors: MAX_VALIDATION_ERRORS });
    if (invalid.length)
      return { errors: invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) };
    if (!operation)
      return {
        errors: [
          new GraphQLError(
            operationName
              ? `Unknown operation named "${operationName}".`
              : 'Name the operation to run ("operationName"): the document has several.',
            code('OPERATION_RESOLUTION_FAILURE'),
          ),
        ],
      };
    const variables = payload.variables ?? undefined;
    // Variables first: the cost estimate reads them (slicing arguments).
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors)
      return { errors: coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')) };
    const overLimit = costLimitError(
      { operation, document, schema, variables: coerced.coerced },
      limits,
      options.costDirectives(),
    );
    if (overLimit) return { errors: [overLimit] };
    if (operation.operation === 'subscription') {
      const errors = options.subscriptions.check({ document, operationName });
      if (errors.length)
        return {
          errors: errors.map((error) =>
            error.extensions['code'] ? error : withCode(error, 'BAD_USER_INPUT'),
          ),
        };
    }
    return { schema, document, operation, operationName, variables };
  };
}

const code = (value: string) => ({ extensions: { code: value } });

/** graphql-js's error (validation, variables, planning) with the code HTTP would give it. */
const withCode = (error: GraphQLError, value: string) =>
  new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...code(value),
  });
