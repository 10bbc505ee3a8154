import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Span } from '@opentelemetry/api';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { CostDirectives } from '../limits/costDirectives.ts';
import type { ClientIdentity } from '../plugins/useClientIdentity.ts';
import type { RequestedOperation } from '../plugins/requestedOperations.ts';
import type { DocumentCache } from './documents.ts';
import {
  costLimitError,
  definitionsLimitError,
  fragmentsOf,
  MAX_VALIDATION_ERRORS,
  shapeLimitError,
  textLimitError,
} from './operationLimits.ts';
import type { PersistedQueryBudget } from './persistedQueryBudget.ts';
import type { RateDecision, RateLimit } from './rateLimit.ts';
import type { SafelistCheck } from './safelist.ts';

/** Who sends an operation, as the transport established it (authenticated, identified). */
export interface Caller {
  /** Proven by an API key, or claimed by a header; null when anonymous. */
  client: ClientIdentity | null;
  /** The client address, after the trusted proxies' X-Forwarded-For. */
  address: string;
  log: { warn(object: object, message: string): void };
}

/** One operation as a transport received it. */
export type OperationRequest = RequestedOperation;

export interface AdmittedOperation {
  schema: GraphQLSchema;
  /** The text, sent or found by its persisted id. */
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  /** As sent (the executor coerces them again). */
  variables: Record<string, unknown> | undefined;
}

export type Admission =
  | { admitted: AdmittedOperation; rate?: RateDecision | undefined }
  | { errors: readonly GraphQLError[]; rate?: RateDecision | undefined };

export type AdmitOperation = (
  caller: Caller,
  request: OperationRequest,
  options: {
    /** Whether a hash may name an automatic persisted query (HTTP), or only a manifest's. */
    apq: boolean;
  },
) => Promise<Admission>;

/**
 * The one admission chain. Every operation on every transport (HTTP POST and GET, each of
 * a batch, graphql-ws, graphql-sse) passes these steps in this order, each refusing with
 * its own code, so that a step only reads what the steps before it have bounded:
 *
 * 1. rate limit: the caller's budget (admission/rateLimit.ts), RATE_LIMITED;
 * 2. safelist: the client's persisted query policy (safelist.ts);
 * 3. persisted query: the text of an id (a manifest's, or an automatic persisted query's
 *    on HTTP), PERSISTED_QUERY_NOT_FOUND; a registration's budgets
 *    (persistedQueryBudget.ts);
 * 4. text limits: length, tokens and names, before parsing (operationLimits.ts);
 * 5. parse;
 * 6. shape limits: operations and fragments defined, then the operation's variables,
 *    depth, aliases, root fields, selections and repeats, read on the syntax tree before
 *    validation, in time linear in it;
 * 7. validate against the API schema, at most MAX_VALIDATION_ERRORS errors;
 * 8. variables coerced (BAD_USER_INPUT), then the estimated cost;
 * 9. for a subscription, what the transport adds (a plan the gateway can run).
 *
 * Authentication and client identity come first, once per request (HTTP) or per
 * connection (graphql-ws), from the transport. Steps 4, 5 and 7 are skipped for a text
 * already admitted: its validated document is kept (documents.ts) where Apollo Server
 * finds it too, so nothing is parsed or validated twice.
 */
export function createAdmission(deps: {
  limits: GatewayConfig['limits'];
  rateLimit: RateLimit;
  safelist: SafelistCheck;
  /** The text of a persisted id: a manifest's, or (with `apq`) an automatic one's. */
  persistedText: (id: string, apq: boolean) => Promise<string | undefined>;
  budget?: PersistedQueryBudget | undefined;
  documents: DocumentCache;
  /**
   * Rules on top of graphql-js's, as Apollo Server would add them (with introspection
   * off, NoIntrospection): a document this chain validated is one Apollo Server will not
   * validate again.
   */
  validationRules: readonly ValidationRule[];
  /** The API schema operations are validated against; undefined before one is loaded. */
  schema: () => GraphQLSchema | undefined;
  costDirectives: () => CostDirectives;
  /** Step 9: what refuses a subscription (none: every subscription passes). */
  checkSubscription?: (admitted: AdmittedOperation) => readonly GraphQLError[];
}): AdmitOperation {
  const { limits } = deps;
  const rules = [...specifiedRules, ...deps.validationRules];
  const tracer = trace.getTracer('cinegraph');
  /** A span for a phase, nested in the active one (the request's, or the admission's). */
  const traced = <T>(name: string, run: () => T): T => {
    const span = tracer.startSpan(name);
    try {
      return run();
    } finally {
      span.end();
    }
  };
  const admit: AdmitOperation = async (caller, request, options) => {
    const rate = await deps.rateLimit(caller);
    if (rate?.refusal) return { errors: [rate.refusal], rate };
    const refuse = (...errors: GraphQLError[]) => ({ errors, rate });

    const safelisted = deps.safelist(caller.client?.name ?? null, request, caller.log);
    if (safelisted) return refuse(safelisted);
    let query = request.query;
    if (query === undefined) {
      if (request.id === undefined)
        return refuse(new GraphQLError('Send the operation text in "query".', code('BAD_REQUEST')));
      query = await deps.persistedText(request.id, options.apq);
      if (query === undefined)
        return refuse(
          new GraphQLError('PersistedQueryNotFound', code('PERSISTED_QUERY_NOT_FOUND')),
        );
    } else if (deps.budget && options.apq) {
      const overBudget = await deps.budget(caller, request);
      if (overBudget) return refuse(overBudget);
    }

    const schema = deps.schema();
    if (!schema) return refuse(createError('SUBGRAPH_UNAVAILABLE', 'No supergraph is loaded yet.'));
    const operationName = request.operationName ?? undefined;
    let document = await deps.documents.get(schema, query);
    let operation: OperationDefinitionNode | null | undefined;
    if (document) {
      operation = getOperationAST(document, operationName);
      const overShape = operation && shapeLimitError(operation, fragmentsOf(document), limits);
      if (overShape) return refuse(overShape);
    } else {
      const overText = textLimitError(query, limits);
      if (overText) return refuse(overText);
      try {
        const text = query;
        document = traced('graphql.parse', () => parse(text, { maxTokens: limits.maxTokens }));
      } catch (error) {
        return refuse(syntaxError(error as GraphQLError));
      }
      const overDefinitions = definitionsLimitError(document, limits);
      if (overDefinitions) return refuse(overDefinitions);
      operation = getOperationAST(document, operationName);
      const overShape = operation && shapeLimitError(operation, fragmentsOf(document), limits);
      if (overShape) return refuse(overShape);
      const parsed = document;
      const invalid = traced('graphql.validate', () =>
        validate(schema, parsed, rules, { maxErrors: MAX_VALIDATION_ERRORS }),
      );
      if (invalid.length)
        return refuse(...invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
      await deps.documents.set(schema, query, document);
    }
    if (!operation)
      return refuse(
        new GraphQLError(
          operationName
            ? `Unknown operation named "${operationName}".`
            : 'Name the operation to run ("operationName"): the document has several.',
          code('OPERATION_RESOLUTION_FAILURE'),
        ),
      );

    const variables = request.variables ?? undefined;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors)
      return refuse(...coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')));
    const overCost = costLimitError(
      { operation, document, schema, variables: coerced.coerced },
      limits,
      deps.costDirectives(),
    );
    if (overCost) return refuse(overCost);

    const admitted: AdmittedOperation = {
      schema,
      query,
      document,
      operation,
      operationName,
      variables,
    };
    if (operation.operation === 'subscription' && deps.checkSubscription) {
      const errors = deps.checkSubscription(admitted);
      if (errors.length) return refuse(...errors);
    }
    return { admitted, rate };
  };
  // One span per operation admitted, with its outcome.
  return (caller, request, options) =>
    tracer.startActiveSpan('gateway.admission', async (span: Span) => {
      try {
        const admission = await admit(caller, request, options);
        if ('errors' in admission) {
          const code = admission.errors[0]?.extensions['code'];
          span.setAttribute('cinegraph.refusal', String(code));
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(code) });
        }
        return admission;
      } finally {
        span.end();
      }
    });
}

const code = (value: string) => ({ extensions: { code: value } });

function syntaxError(syntax: GraphQLError): GraphQLError {
  return new GraphQLError(syntax.message, {
    ...(syntax.source && syntax.positions
      ? { source: syntax.source, positions: syntax.positions }
      : {}),
    ...code('GRAPHQL_PARSE_FAILED'),
  });
}

/** graphql-js's error (validation, variables) with the code it is answered with. */
const withCode = (error: GraphQLError, value: string) =>
  new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...code(value),
  });
