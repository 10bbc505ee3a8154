import type { Operation } from '@apollo/federation-internals';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { ApolloGateway } from '@apollo/gateway';
import { buildOperationContext } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import { QueryPlanner } from '@apollo/query-planner';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import type { GraphQLSchema, VariableDefinitionNode } from 'graphql';
import { getVariableValues, GraphQLError, Kind, print } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Counter } from 'prom-client';
import type { GatewayContext } from '../context.ts';
import type { SubgraphDataSource } from '../subgraphDataSource.ts';
import { cachePolicyOf } from '../subgraphDataSource.ts';
import type { PlanRun } from './planExecutor.ts';
import { createPlanExecutor, isExecutable } from './planExecutor.ts';
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
    }
  | { executor: 'apollo'; reason: string };

interface SchemaState {
  apiSchema: GraphQLSchema;
  /** The same API schema in federation-internals' model, which operations are built on. */
  operationSchema: ReturnType<Supergraph['apiSchema']>;
  planner: QueryPlanner;
  executor: ReturnType<typeof createPlanExecutor<Partial<GatewayContext>, SendOptions>>;
  /** By document hash and operation name: the lookup each request makes. */
  prepared: LRUCache<string, PreparedOperation>;
  /** By normalised operation text: the same operation however it is formatted. */
  byText: LRUCache<string, PreparedOperation>;
}

const tracer = trace.getTracer('cinegraph-gateway');

/**
 * Serves the supergraph through @apollo/gateway (loading, hot reload, composition
 * checks, the query planner's rules) with CineGraph's own executor in front of its
 * executor:
 * - each operation is prepared once per supergraph: its query plan, the operation model
 *   and a compiled response-shaping program, in bounded LRUs keyed on the hash Apollo
 *   Server has already computed for its document cache and, for a text not seen before,
 *   on the normalised (printed) operation, so differently formatted copies share one plan;
 * - the plan runs through `createPlanExecutor` and the subgraph data sources' lean
 *   `send()`, and the response is shaped by `compileResultShaper`, each equal to what
 *   @apollo/gateway produces (a test compares them answer by answer);
 * - what the executor does not run (schema introspection, @defer, entity rewrites for
 *   interface objects, usage-reporting traces) goes to @apollo/gateway's own executor.
 */
export function withPlanExecution(
  gateway: ApolloGateway,
  options: {
    subgraphs: ReadonlyMap<string, SubgraphDataSource>;
    maxOperations: number;
    executions: Counter<'executor'>;
    /** Prepared-operation lookups: hit, text (a new text of a known operation) or miss. */
    lookups: Counter<'outcome'>;
  },
): GatewayInterface {
  let state: SchemaState | undefined;
  let apolloExecutor: GatewayExecutor | null = null;

  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const supergraph = Supergraph.build(coreSupergraphSdl);
    state = {
      apiSchema,
      operationSchema: supergraph.apiSchema(),
      planner: new QueryPlanner(supergraph),
      executor: createPlanExecutor(supergraph.schema.toGraphQLJSSchema(), options.subgraphs),
      prepared: new LRUCache({ max: options.maxOperations }),
      byText: new LRUCache({ max: options.maxOperations }),
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
        const plan = current.planner.buildQueryPlan(
          operationFromDocument(apiSchema, document, { operationName: request.operationName }),
        );
        if (!isExecutable(plan.node))
          return {
            executor: 'apollo' as const,
            reason: 'the plan has nodes only @apollo/gateway runs',
          };
        // The operation as @apollo/gateway's executor builds it to shape the response.
        const operation = operationFromDocument(
          apiSchema,
          {
            kind: Kind.DOCUMENT,
            definitions: [operationContext.operation, ...Object.values(operationContext.fragments)],
          },
          { validate: false },
        );
        return {
          executor: 'cinegraph' as const,
          plan,
          operation,
          variableDefinitions: operationContext.operation.variableDefinitions ?? [],
          shaper: compileResultShaper(operation),
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

    const run: PlanRun<Partial<GatewayContext>, SendOptions> = {
      context: requestContext.context as Partial<GatewayContext>,
      options: { cachePolicy: cachePolicyOf(requestContext as { overallCachePolicy?: unknown }) },
      variables: request.variables,
      variableDefinitions: prepared.operation.variableDefinitions,
      errors: [],
    };
    const merged = Object.create(null) as Record<string, unknown>;
    const { node } = prepared.plan;
    if (node)
      await tracer.startActiveSpan('gateway.execute', (span) =>
        current.executor.execute(run, node, merged).finally(() => span.end()),
      );
    if (run.nonFtv1ErrorPaths) {
      const metrics = requestContext.metrics as { nonFtv1ErrorPaths?: unknown[] };
      metrics.nonFtv1ErrorPaths = [...(metrics.nonFtv1ErrorPaths ?? []), ...run.nonFtv1ErrorPaths];
    }
    try {
      const { data, errors } = prepared.shaper.shape(merged, request.variables);
      if (run.errors.length === 0 && errors.length > 0)
        return { extensions: { valueCompletion: errors }, data };
      return run.errors.length === 0 ? { data } : { errors: run.errors, data };
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      const message = error instanceof Error ? error.message : String(error);
      return {
        errors: [new GraphQLError(message, error instanceof Error ? { originalError: error } : {})],
      };
    }
  }

  function viaApollo(requestContext: GatewayGraphQLRequestContext) {
    if (!apolloExecutor) throw new Error('The gateway has not loaded a supergraph yet.');
    options.executions.inc({ executor: 'apollo' });
    return apolloExecutor(requestContext);
  }

  return {
    async load(loadOptions) {
      const loaded = await gateway.load(loadOptions);
      apolloExecutor = loaded.executor;
      return { executor: execute };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}
