import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { VariableDefinitions } from '@apollo/federation-internals';
import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type {
  FetchNode,
  PlanNode,
  SubscriptionNode,
  QueryPlanSelectionNode,
  ResponsePath,
} from '@apollo/query-planner';
import { evaluateCondition } from '@apollo/query-planner';
import { trace } from '@opentelemetry/api';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { GraphQLError, isAbstractType, isInterfaceType, isObjectType, Kind } from 'graphql';
import type { Arrival } from './arrivalOrder.ts';
import { called, compareArrivals, latest, reportErrors, startOfPlan } from './arrivalOrder.ts';
import { createRecord } from './createRecord.ts';
import { applyRewrites } from './dataRewrites.ts';
import { deepMerge, ownedAtPath, writable } from './ownedTree.ts';

/** How the executor calls a subgraph (SubgraphDataSource's `send`). */
export interface SubgraphSender<Context, Options> {
  send(
    request: {
      query: string;
      operationName: string | undefined;
      variables: Record<string, unknown>;
    },
    context: Context,
    options: Options,
  ): Promise<GatewayGraphQLResponse>;
}

export interface PlanRun<Context = unknown, Options = unknown> {
  /** The request's context and call options, handed to every subgraph call. */
  context: Context;
  options: Options;
  variables: Record<string, unknown> | undefined;
  variableDefinitions: VariableDefinitions;
  errors: GraphQLError[];
  /**
   * Where fetches failed: the part of the response each failure may have left null (a
   * subgraph's error's entity or root field; all that a fetch that threw or answered
   * without data would have merged). The nulls found there while shaping are that
   * failure's, already reported.
   */
  failedAt?: ResponsePath[];
  /** Subgraph error paths for usage reporting, as @apollo/gateway records them. */
  nonFtv1ErrorPaths?: { subgraph: string; path: ReadonlyArray<string | number> | undefined }[];
}

/**
 * Where a node runs: its path, and the data there. `data` (an object, or a list of them)
 * belongs to the request: the executor writes into it, and copies any frozen (shared)
 * object before writing into that (sharedAnswers.ts).
 */
interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Record<string, unknown>;
}

const tracer = trace.getTracer('cinegraph-gateway');

/**
 * Runs a query plan (Sequence, Parallel, Flatten, Fetch and Condition nodes) with the
 * semantics of @apollo/gateway's `executeQueryPlan`: the same fetches, the same merging of
 * each answer into the entities it belongs to, the same error paths. It leaves out what
 * costs per request there and is unused here (a usage-reporting trace object per plan
 * node, rest-array copies while walking paths), and extracts the representations with
 * functions compiled once per fetch node.
 *
 * Where it differs from @apollo/gateway's, it is so that an answer never depends on what
 * else is in flight, nor on the subgraphs' timing:
 * - it never writes into a subgraph's answer that another request may hold: answers
 *   shared by deduplication arrive frozen, and the merge copies the frozen objects on its
 *   way down to what it writes (ownedTree.ts, copy-on-write one level at a time);
 * - it reports errors in arrival order, as if subgraphs answered in call order, not as
 *   their answers happen to land (arrivalOrder.ts);
 * - a `__typename` naming an abstract type never replaces a concrete one (ownedTree.ts,
 *   `deepMerge`).
 */
export function createPlanExecutor<Context, Options>(
  supergraphSchema: GraphQLSchema,
  subgraphs: ReadonlyMap<string, SubgraphSender<Context, Options>>,
) {
  const representationOf = new WeakMap<
    FetchNode,
    (entity: unknown) => Record<string, unknown> | null
  >();
  const subtypeMemo = new Map<string, boolean>();
  const abstractTypes = new Set(
    Object.values(supergraphSchema.getTypeMap())
      .filter(isAbstractType)
      .map((type) => type.name),
  );
  const isAbstractTypeName = (typename: unknown) =>
    typeof typename === 'string' && abstractTypes.has(typename);

  function isObjectOfType(
    object: Record<string, unknown>,
    typeCondition: string,
    ifUnknown = false,
  ): boolean {
    const typename = object['__typename'];
    if (!typename) return ifUnknown;
    if (typeCondition === typename) return true;
    const key = `${typeCondition}\0${String(typename)}`;
    let known = subtypeMemo.get(key);
    if (known === undefined) {
      const type = supergraphSchema.getType(String(typename));
      const conditional = supergraphSchema.getType(typeCondition);
      known =
        !!type &&
        !!conditional &&
        isAbstractType(conditional) &&
        (isObjectType(type) || isInterfaceType(type)) &&
        supergraphSchema.isSubType(conditional, type);
      // Only names the schema knows are kept: a subgraph's typenames do not grow the memo.
      if (type) subtypeMemo.set(key, known);
    }
    return known;
  }

  /** @apollo/gateway's `executeSelectionSet` for one `requires` selection, compiled. */
  function compileSelection(
    selections: readonly QueryPlanSelectionNode[],
  ): (source: unknown) => Record<string, unknown> | null {
    const only = selections.length === 1 ? selections[0] : undefined;
    if (only?.kind === Kind.INLINE_FRAGMENT && only.typeCondition) {
      // The usual `requires` (`... on Product { __typename upc }`): merging the fragment's
      // fields into an empty object is taking them as they are, so nothing is merged.
      const typeCondition = only.typeCondition;
      const nested = compileSelection(only.selections);
      return (source) => {
        if (source === null) return null;
        const fields = isObjectOfType(source as Record<string, unknown>, typeCondition)
          ? nested(source)
          : null;
        return fields ?? createRecord();
      };
    }
    const steps = selections.map((selection) => {
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias ?? selection.name;
        const nested = selection.selections ? compileSelection(selection.selections) : undefined;
        return (source: Record<string, unknown>, result: Record<string, unknown>): boolean => {
          if (!Object.hasOwn(source, responseName) || source[responseName] === undefined)
            return false;
          const value = source[responseName];
          if (Array.isArray(value))
            result[responseName] = nested ? value.map(nested) : value.slice();
          else result[responseName] = nested ? nested(value) : value;
          return true;
        };
      }
      const typeCondition = selection.typeCondition;
      const nested = compileSelection(selection.selections);
      return (source: Record<string, unknown>, result: Record<string, unknown>): boolean => {
        if (typeCondition && isObjectOfType(source, typeCondition))
          deepMerge(result, nested(source), isAbstractTypeName);
        return true;
      };
    });
    return (source) => {
      if (source === null) return null;
      const result = createRecord();
      for (const step of steps) if (!step(source as Record<string, unknown>, result)) return null;
      return result;
    };
  }

  type Run = PlanRun<Context, Options>;

  /** One execution of a plan: the request's run, and the fetches whose errors it reports. */
  interface Execution {
    run: Run;
    reported: Arrival[];
  }

  async function executeNode(
    execution: Execution,
    node: PlanNode | SubscriptionNode,
    cursor: Cursor,
    after: Arrival,
  ): Promise<Arrival> {
    switch (node.kind) {
      case 'Sequence': {
        let last = after;
        for (const child of node.nodes) last = await executeNode(execution, child, cursor, last);
        return last;
      }
      case 'Parallel': {
        const arrivals = await Promise.all(
          node.nodes.map((child) => executeNode(execution, child, cursor, after)),
        );
        return arrivals.reduce(latest, after);
      }
      case 'Flatten': {
        const data = ownedAtPath(cursor.data, node.path, 0);
        if (!data) return after;
        return executeNode(
          execution,
          node.node,
          { path: cursor.path.concat(node.path), data, fullResult: cursor.fullResult },
          after,
        );
      }
      case 'Fetch': {
        const call: FetchCall = { after, arrival: undefined };
        try {
          await tracer.startActiveSpan(
            'gateway.fetch',
            { attributes: { service: node.serviceName } },
            (span) => executeFetch(execution, node, cursor, call).finally(() => span.end()),
          );
        } catch (error) {
          reportErrors(execution.reported, (call.arrival ??= called(after)), [
            error as GraphQLError,
          ]);
          failed(execution.run, cursor.path);
        }
        return call.arrival ?? after;
      }
      case 'Condition': {
        const { run } = execution;
        const branch = evaluateCondition(node, run.variableDefinitions, run.variables)
          ? node.ifClause
          : node.elseClause;
        return branch ? executeNode(execution, branch, cursor, after) : after;
      }
      default:
        throw new Error(`${node.kind} nodes are left to @apollo/gateway`);
    }
  }

  async function executeFetch(
    execution: Execution,
    fetch: FetchNode,
    cursor: Cursor,
    call: FetchCall,
  ): Promise<void> {
    const { run } = execution;
    const caller = subgraphs.get(fetch.serviceName);
    if (!caller) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
    const entities = Array.isArray(cursor.data)
      ? (cursor.data as unknown[]).filter((entity) => entity !== null && entity !== undefined)
      : [cursor.data];
    if (entities.length < 1) return;

    const variables = createRecord();
    if (fetch.variableUsages && run.variables) {
      for (const name of fetch.variableUsages)
        if (Object.hasOwn(run.variables, name) && run.variables[name] !== undefined)
          variables[name] = run.variables[name];
    }

    if (!fetch.requires) {
      let data = await send(variables);
      if (data && fetch.outputRewrites?.length) {
        data = writable(data);
        applyRewrites(isObjectOfType, fetch.outputRewrites, data);
      }
      for (const entity of entities)
        deepMerge(entity as Record<string, unknown>, data, isAbstractTypeName);
      return;
    }

    let extract = representationOf.get(fetch);
    if (!extract) {
      extract = compileSelection(fetch.requires);
      representationOf.set(fetch, extract);
    }
    const representations: Record<string, unknown>[] = [];
    const targets: Record<string, unknown>[] = [];
    for (const entity of entities) {
      const representation = extract(entity);
      if (representation && representation['__typename']) {
        applyRewrites(isObjectOfType, fetch.inputRewrites, representation);
        representations.push(representation);
        targets.push(entity as Record<string, unknown>);
      }
    }
    if (representations.length < 1) return;
    if ('representations' in variables)
      throw new Error(`Variables cannot contain key "representations"`);
    variables['representations'] = representations;
    const data = await send(variables);
    if (!data) return;
    const received = data['_entities'];
    if (!Array.isArray(received))
      throw new Error(`Expected "data._entities" in response to be an array`);
    if (received.length !== representations.length)
      throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
    const rewrites = fetch.outputRewrites?.length ? fetch.outputRewrites : undefined;
    for (let index = 0; index < received.length; index++) {
      let entity = received[index] as Record<string, unknown> | null;
      const target = targets[index]!;
      // @apollo/gateway first gives an entity without __typename its target's. Without
      // rewrites that changes nothing (the target keeps its own __typename), so the answer,
      // which may be shared, is left alone; rewrites are applied to a writable copy.
      if (entity && rewrites) {
        entity = writable(entity);
        if (!entity['__typename']) entity['__typename'] = target['__typename'];
        applyRewrites(isObjectOfType, rewrites, entity);
      }
      deepMerge(target, entity, isAbstractTypeName);
    }

    async function send(
      variables: Record<string, unknown>,
    ): Promise<Record<string, unknown> | null | undefined> {
      const arrival = (call.arrival = called(call.after));
      const response = await caller!.send(
        { query: fetch.operation, operationName: fetch.operationName, variables },
        run.context,
        run.options,
      );
      if (response.errors) {
        const pathOf = errorPaths(fetch, cursor);
        reportErrors(
          execution.reported,
          arrival,
          response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, pathOf)),
        );
        // What the subgraph may have nulled for each error: the entity or root field the
        // error is in, or, for one without a path or an answer without data, all it
        // fetched.
        if (!response.data) failed(run, cursor.path);
        else
          for (const error of response.errors) {
            const path = error.path;
            if (!path?.length) failed(run, cursor.path);
            else {
              const full = pathOf(path) ?? [];
              const entity = fetch.requires && typeof path[1] === 'number';
              failed(
                run,
                entity
                  ? full.slice(0, full.length - (path.length - 2))
                  : full.slice(0, cursor.path.length + 1),
              );
            }
          }
        if (!response.extensions?.['ftv1']) {
          const paths = response.errors.map((error) => ({
            subgraph: fetch.serviceName,
            path: error.path,
          }));
          if (run.nonFtv1ErrorPaths) run.nonFtv1ErrorPaths.push(...paths);
          else run.nonFtv1ErrorPaths = paths;
        }
      }
      return response.data as Record<string, unknown> | null | undefined;
    }
  }

  return {
    /**
     * Runs the plan's root node into `data` (the unfiltered merged result), then adds the
     * subgraphs' errors to `run.errors` in arrival order (see `Arrival`).
     */
    async execute(
      run: Run,
      node: PlanNode | SubscriptionNode,
      data: Record<string, unknown>,
    ): Promise<void> {
      const execution: Execution = { run, reported: [] };
      await executeNode(execution, node, { path: [], data, fullResult: data }, startOfPlan());
      execution.reported.sort(compareArrivals);
      for (const arrival of execution.reported) run.errors.push(...arrival.errors!);
    },
  };
}

function failed(run: PlanRun<unknown, unknown>, path: ResponsePath): void {
  if (run.failedAt) run.failedAt.push(path);
  else run.failedAt = [path];
}

/** A fetch node being run: the arrival it started after, then its own once it has called. */
interface FetchCall {
  after: Arrival;
  arrival: Arrival | undefined;
}

/** The plan's nodes the executor runs itself; anything else goes to @apollo/gateway. */
export function isExecutable(node: PlanNode | SubscriptionNode | undefined): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(isExecutable);
    case 'Flatten':
      return isExecutable(node.node);
    case 'Condition':
      return isExecutable(node.ifClause) && isExecutable(node.elseClause);
    case 'Fetch':
      // Context rewrites (@fromContext) are left to @apollo/gateway.
      return !node.contextRewrites?.length;
    default:
      return false;
  }
}

/** Error paths in the client's terms: an `_entities` index becomes the entity's path. */
function errorPaths(fetch: FetchNode, cursor: Cursor) {
  let hydrated: (string | number)[][] | undefined;
  return (errorPath: ReadonlyArray<string | number> | undefined) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, 0, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function hydratePaths(
  parent: (string | number)[],
  path: ResponsePath,
  from: number,
  data: unknown,
  result: (string | number)[][],
): void {
  if (data === null || data === undefined) return;
  const head = path[from];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    data.forEach((value: unknown, index) => {
      parent.push(index);
      hydratePaths(parent, path, from + 1, value, result);
      parent.pop();
    });
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      data.forEach((value: unknown, index) => {
        parent.push(index);
        hydratePaths(parent, path, from, value, result);
        parent.pop();
      });
    } else if (Object.hasOwn(data as object, head)) {
      parent.push(head);
      hydratePaths(parent, path, from + 1, (data as Record<string, unknown>)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${String(head)}"`);
  }
}

/** A subgraph's error as the client sees it, tagged with the subgraph, as @apollo/gateway does. */
export function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  pathOf: (path: ReadonlyArray<string | number> | undefined) => (string | number)[] | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as Error,
    path: pathOf(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as GraphQLError);
  if (!codeDef && original.extensions?.['code']) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
