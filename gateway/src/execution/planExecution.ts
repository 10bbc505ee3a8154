import type { Operation, Supergraph } from '@apollo/federation-internals';
import { operationFromDocument } from '@apollo/federation-internals';
import type { ApolloGateway } from '@apollo/gateway';
import { buildOperationContext } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import type { DocumentNode, GraphQLSchema, VariableDefinitionNode } from 'graphql';
import { getVariableValues, GraphQLError, Kind, print } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Counter } from 'prom-client';
import type { CachedOperation, ResponseCache } from '../caching/responseCache.ts';
import type { GatewayContext } from '../context.ts';
import type { SubgraphDataSource } from '../subgraphDataSource.ts';
import { cachePolicyOf } from '../subgraphDataSource.ts';
import type { PlanRun } from './planExecutor.ts';
import { createPlanExecutor, isExecutable } from './planExecutor.ts';
import { createQueryPlanning } from './requiredArguments.ts';
import type { ResultShaper } from './resultShaper.ts';
import { compileResultShaper } from './resultShaper.ts';

type SendOptions = NonNullable<Parameters<SubgraphDataSource['send']>[2]>;

/** What the gateway keeps per operation: its plan and its compiled response shaping. */
type PreparedOperation =
  | {
      executor: 'cinegraph';
      plan: QueryPlan;
      operation: Operation;
      variableDefinitions: readonly VariableDefinitionNode[];
      shaper: ResultShaper;
      /** The response cache's part: lookup and store, or purge after a mutation. */
      cache: CachedOperation | undefined;
    }
  | { executor: 'apollo'; reason: string };

/** A subscription as planned: the owning subgraph's stream, then what joins each event. */
export interface PreparedSubscription {
  /** The operation's name and normalised text: the same for every copy however formatted. */
  key: string;
  operationName: string | undefined;
  /** The fetch that opens the upstream subscription (its service, text and variables). */
  primary: FetchNode;
  /** The fetches that resolve other subgraphs' fields of each event, if any. */
  rest: PlanNode | undefined;
  operation: Operation;
  variableDefinitions: readonly VariableDefinitionNode[];
  shaper: ResultShaper;
  /**
   * One event: the primary's `data` joined with the other subgraphs' fields (the plan's
   * `rest`), on the supergraph it was planned on, shaped into the client's response.
   */
  resolveEvent(
    data: Record<string, unknown>,
    context: Partial<GatewayContext>,
    variables: Record<string, unknown> | undefined,
  ): Promise<GatewayExecutionResult>;
}

/** The gateway's planning and execution, for the subscription transports. */
export interface SubscriptionPlanning {
  /** The API schema being served (undefined until a supergraph has loaded). */
  apiSchema(): GraphQLSchema | undefined;
  /**
   * Plans a validated subscription operation (cached per supergraph). Throws a
   * GraphQLError when the plan is one the gateway cannot run.
   */
  prepare(document: DocumentNode, operationName: string | undefined): PreparedSubscription;
}

interface SchemaState {
  apiSchema: GraphQLSchema;
  /** The same API schema in federation-internals' model, which operations are built on. */
  operationSchema: ReturnType<Supergraph['apiSchema']>;
  /** Plans an operation, with the gateway's corrections (requiredArguments.ts). */
  plan(operation: Operation): QueryPlan;
  executor: ReturnType<typeof createPlanExecutor<Partial<GatewayContext>, SendOptions>>;
  /** By document hash and operation name: the lookup each request makes. */
  prepared: LRUCache<string, PreparedOperation>;
  /** By normalised operation text: the same operation however it is formatted. */
  byText: LRUCache<string, PreparedOperation>;
  subscriptions: LRUCache<string, PreparedSubscription>;
  /** The same, by parsed document: the transports plan a document twice (check, subscribe). */
  subscriptionsByDocument: WeakMap<DocumentNode, PreparedSubscription>;
}

const tracer = trace.getTracer('cinegraph-gateway');

/**
 * Serves the supergraph through @apollo/gateway (loading, hot reload, composition
 * checks, the query planner's rules) with CineGraph's own executor in front of its
 * executor:
 * - each operation is prepared once per supergraph: its query plan (with the rewrites of
 *   requiredArguments.ts, where the planner is wrong), the operation model and a compiled
 *   response-shaping program, in bounded LRUs keyed on the hash Apollo Server has already
 *   computed for its document cache and, for a text not seen before, on the normalised
 *   (printed) operation, so differently formatted copies share one plan;
 * - the plan runs through `createPlanExecutor` and the subgraph data sources' lean
 *   `send()`, and the response is shaped by `compileResultShaper`, each equal to what
 *   @apollo/gateway produces (tests compare them answer by answer), except that the
 *   errors shaping finds are reported in `errors`, as the spec has it (`runAndShape`);
 * - what the executor does not run (schema introspection, @defer, context rewrites for
 *   @fromContext, usage-reporting traces) goes to @apollo/gateway's own executor.
 */
export function withPlanExecution(
  gateway: ApolloGateway,
  options: {
    subgraphs: ReadonlyMap<string, SubgraphDataSource>;
    maxOperations: number;
    executions: Counter<'executor'>;
    /** Prepared-operation lookups: hit, text (a new text of a known operation) or miss. */
    lookups: Counter<'outcome'>;
    responseCache?: ResponseCache | undefined;
  },
): GatewayInterface & { subscriptions: SubscriptionPlanning } {
  let state: SchemaState | undefined;
  let apolloExecutor: GatewayExecutor | null = null;

  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const { supergraph, plan } = createQueryPlanning(coreSupergraphSdl);
    state = {
      apiSchema,
      operationSchema: supergraph.apiSchema(),
      plan,
      executor: createPlanExecutor(supergraph.schema.toGraphQLJSSchema(), options.subgraphs),
      prepared: new LRUCache({ max: options.maxOperations }),
      byText: new LRUCache({ max: options.maxOperations }),
      subscriptions: new LRUCache({ max: options.maxOperations }),
      subscriptionsByDocument: new WeakMap(),
    };
  });

  function prepare(
    current: SchemaState,
    requestContext: GatewayGraphQLRequestContext,
  ): PreparedOperation {
    const { document, request } = requestContext;
    return tracer.startActiveSpan('gateway.plan', (span) => {
      try {
        const operationContext = buildOperationContext({
          schema: current.apiSchema,
          operationDocument: document,
          operationName: request.operationName,
        });
        const apiSchema = current.operationSchema;
        // Planned with the keys of the entities it selects when cached (shaped as sent).
        const cache = options.responseCache?.prepare(
          current.apiSchema,
          document,
          request.operationName,
        );
        const plan = current.plan(
          operationFromDocument(apiSchema, cache?.document ?? document, {
            operationName: request.operationName,
          }),
        );
        if (!isExecutable(plan.node))
          return {
            executor: 'apollo' as const,
            reason: 'the plan has nodes only @apollo/gateway runs',
          };
        const operation = shapingOperation(apiSchema, operationContext);
        return {
          executor: 'cinegraph' as const,
          plan,
          operation,
          variableDefinitions: operationContext.operation.variableDefinitions ?? [],
          shaper: compileResultShaper(operation),
          cache,
        };
      } catch (error) {
        // Invalid or unsupported here: @apollo/gateway answers it, with its own errors.
        return {
          executor: 'apollo' as const,
          reason: error instanceof Error ? error.message : String(error),
        };
      } finally {
        span.end();
      }
    });
  }

  async function execute(
    requestContext: GatewayGraphQLRequestContext,
  ): Promise<GatewayExecutionResult> {
    const current = state;
    if (!current || requestContext.metrics?.captureTraces) return viaApollo(requestContext);
    const { request, queryHash } = requestContext;
    const key = request.operationName ? `${queryHash}\0${request.operationName}` : queryHash;
    let prepared = current.prepared.get(key);
    if (prepared) options.lookups.inc({ outcome: 'hit' });
    else {
      // A new text: the same operation formatted differently (spacing, commas, comments)
      // shares the plan of the one seen before.
      const text = `${request.operationName ?? ''}\0${print(requestContext.document)}`;
      prepared = current.byText.get(text);
      if (prepared) options.lookups.inc({ outcome: 'text' });
      else {
        options.lookups.inc({ outcome: 'miss' });
        prepared = prepare(current, requestContext);
        current.byText.set(text, prepared);
      }
      current.prepared.set(key, prepared);
    }
    if (prepared.executor === 'apollo') return viaApollo(requestContext);
    options.executions.inc({ executor: 'cinegraph' });

    if (prepared.variableDefinitions.length) {
      const { errors } = getVariableValues(
        current.apiSchema,
        prepared.variableDefinitions,
        request.variables ?? {},
      );
      if (errors) return { errors };
    }

    if (prepared.cache)
      return prepared.cache.serve(requestContext, (merged, shareKey) =>
        runPrepared(current, prepared, requestContext, merged, shareKey),
      );
    return runPrepared(current, prepared, requestContext, Object.create(null));
  }

  /** Runs a prepared operation's plan into `merged` and answers from it. */
  function runPrepared(
    current: SchemaState,
    prepared: Extract<PreparedOperation, { executor: 'cinegraph' }>,
    requestContext: GatewayGraphQLRequestContext,
    merged: Record<string, unknown>,
    shareKey?: string,
  ): Promise<GatewayExecutionResult> {
    const { request } = requestContext;
    const { node } = prepared.plan;
    return runAndShape(current, prepared, node, merged, {
      context: requestContext.context as Partial<GatewayContext>,
      options: {
        cachePolicy: cachePolicyOf(requestContext as { overallCachePolicy?: unknown }),
        shareKey,
      },
      variables: request.variables,
      variableDefinitions: prepared.operation.variableDefinitions,
      errors: [],
    }).then((result) => {
      if (result.nonFtv1ErrorPaths) {
        const metrics = requestContext.metrics as { nonFtv1ErrorPaths?: unknown[] };
        metrics.nonFtv1ErrorPaths = [
          ...(metrics.nonFtv1ErrorPaths ?? []),
          ...result.nonFtv1ErrorPaths,
        ];
      }
      return result.response;
    });
  }

  /** Runs a plan node into `merged` and shapes the client's response from it. */
  async function runAndShape(
    current: SchemaState,
    prepared: { shaper: ResultShaper },
    node: PlanNode | SubscriptionNode | undefined,
    merged: Record<string, unknown>,
    run: PlanRun<Partial<GatewayContext>, SendOptions>,
  ): Promise<{ response: GatewayExecutionResult; nonFtv1ErrorPaths?: unknown[] }> {
    if (node)
      await tracer.startActiveSpan('gateway.execute', (span) =>
        current.executor.execute(run, node, merged).finally(() => span.end()),
      );
    const paths = run.nonFtv1ErrorPaths ? { nonFtv1ErrorPaths: run.nonFtv1ErrorPaths } : {};
    try {
      const { data, errors } = prepared.shaper.shape(merged, run.variables);
      // Where @apollo/gateway parts from the spec: it puts the errors shaping finds in
      // `extensions.valueCompletion`, or drops them when a fetch failed, so a client
      // reads the nulls they leave as data. A field error belongs in `errors`, with its
      // path, but once (the spec: one error per field). A null that a failed fetch left
      // is that failure's, already reported: one found where a failure may have left
      // nulls (`failedAt`: the entity or root field of a subgraph's error, all of a fetch
      // that did not answer), or at, under or above a subgraph error's path, is not
      // reported again.
      const explained = (path: readonly (string | number)[] | undefined) =>
        path !== undefined &&
        (run.failedAt?.some((at) => isWithin(path, at)) ||
          run.errors.some(
            (reported) =>
              reported.path !== undefined &&
              reported.path.every((key, at) => at >= path.length || key === path[at]),
          ));
      const found = run.errors.length === 0 ? errors : errors.filter((e) => !explained(e.path));
      const all = found.length === 0 ? run.errors : [...run.errors, ...found];
      return { response: all.length === 0 ? { data } : { errors: all, data }, ...paths };
    } catch (error) {
      if (error instanceof GraphQLError) return { response: { errors: [error] }, ...paths };
      const message = error instanceof Error ? error.message : String(error);
      return {
        response: {
          errors: [
            new GraphQLError(message, error instanceof Error ? { originalError: error } : {}),
          ],
        },
        ...paths,
      };
    }
  }

  const subscriptions: SubscriptionPlanning = {
    apiSchema: () => state?.apiSchema,
    prepare(document, operationName) {
      const current = state;
      if (!current) throw new GraphQLError('The gateway has not loaded a supergraph yet.');
      const known = current.subscriptionsByDocument.get(document);
      if (known && known.operationName === operationName) return known;
      const key = `${operationName ?? ''}\0${print(document)}`;
      let prepared = current.subscriptions.get(key);
      if (!prepared) {
        prepared = plan(current, document, operationName, key);
        current.subscriptions.set(key, prepared);
      }
      current.subscriptionsByDocument.set(document, prepared);
      return prepared;
    },
  };

  function plan(
    current: SchemaState,
    document: DocumentNode,
    operationName: string | undefined,
    key: string,
  ): PreparedSubscription {
    return tracer.startActiveSpan('gateway.plan', (span): PreparedSubscription => {
      try {
        const planned = planSubscription(current, document, operationName);
        return {
          ...planned,
          key,
          operationName,
          resolveEvent: (data, context, variables) =>
            runAndShape(current, planned, planned.rest, data, {
              context,
              options: { cachePolicy: undefined },
              variables,
              variableDefinitions: planned.operation.variableDefinitions,
              errors: [],
            }).then((result) => result.response),
        };
      } finally {
        span.end();
      }
    });
  }

  function viaApollo(requestContext: GatewayGraphQLRequestContext) {
    if (!apolloExecutor) throw new Error('The gateway has not loaded a supergraph yet.');
    options.executions.inc({ executor: 'apollo' });
    return apolloExecutor(requestContext);
  }

  return {
    subscriptions,
    async load(loadOptions) {
      const loaded = await gateway.load(loadOptions);
      apolloExecutor = loaded.executor;
      return { executor: execute };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

function planSubscription(
  current: SchemaState,
  document: DocumentNode,
  operationName: string | undefined,
): Omit<PreparedSubscription, 'key' | 'operationName' | 'resolveEvent'> {
  const operationContext = buildOperationContext({
    schema: current.apiSchema,
    operationDocument: document,
    operationName,
  });
  const apiSchema = current.operationSchema;
  const node = current.plan(operationFromDocument(apiSchema, document, { operationName })).node;
  if (node?.kind !== 'Subscription' || !isExecutable(node.primary) || !isExecutable(node.rest))
    throw new GraphQLError('The gateway cannot run this subscription’s plan.');
  const operation = shapingOperation(apiSchema, operationContext);
  return {
    primary: node.primary,
    rest: node.rest,
    operation,
    variableDefinitions: operationContext.operation.variableDefinitions ?? [],
    shaper: compileResultShaper(operation),
  };
}

/** The operation as @apollo/gateway's executor builds it to shape the response. */
function shapingOperation(
  apiSchema: SchemaState['operationSchema'],
  operationContext: ReturnType<typeof buildOperationContext>,
): Operation {
  return operationFromDocument(
    apiSchema,
    {
      kind: Kind.DOCUMENT,
      definitions: [operationContext.operation, ...Object.values(operationContext.fragments)],
    },
    { validate: false },
  );
}

/** Whether a response path lies at or under a plan path (whose `@` is any list index). */
function isWithin(
  path: readonly (string | number)[],
  planPath: readonly (string | number)[],
): boolean {
  if (path.length < planPath.length) return false;
  return planPath.every((key, at) =>
    key === '@' ? typeof path[at] === 'number' : key === path[at],
  );
}
