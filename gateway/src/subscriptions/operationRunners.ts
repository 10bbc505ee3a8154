import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { OperationRequest } from '../admission/admitOperation.ts';
import type { GatewayContext } from '../context.ts';
import type { FederatedSubscriptions, Transport } from './federatedSubscriptions.ts';

/** Runs one query or mutation received on a WebSocket, as Apollo Server runs it over HTTP. */
export type OperationRunner = (
  payload: OperationRequest & { query: string },
  context: GatewayContext,
) => Promise<FormattedExecutionResult>;

/**
 * The `execute` and `subscribe` a transport (graphql-ws, graphql-sse) calls with an
 * admitted operation: queries and mutations through the HTTP pipeline, subscriptions
 * federated.
 */
export function operationRunners(
  options: { runOperation: OperationRunner; subscriptions: FederatedSubscriptions },
  transport: Transport,
  /** Cuts off the client of this operation's context, which stopped reading. */
  cutOff: (context: GatewayContext) => void,
) {
  const contextOf = (args: ExecutionArgs) => args.contextValue as GatewayContext;
  const variablesOf = (args: ExecutionArgs) =>
    (args.variableValues as Record<string, unknown> | null | undefined) ?? undefined;
  return {
    execute: (args: ExecutionArgs) =>
      options.runOperation(
        {
          query: args.document.loc?.source.body ?? '',
          ...(args.operationName ? { operationName: args.operationName } : {}),
          ...(variablesOf(args) ? { variables: variablesOf(args)! } : {}),
        },
        contextOf(args),
      ) as unknown as Promise<ExecutionResult>,
    subscribe: (args: ExecutionArgs) =>
      options.subscriptions.subscribe({
        document: args.document,
        operationName: args.operationName ?? undefined,
        variables: variablesOf(args),
        context: contextOf(args),
        transport,
        onSlowReader: () => cutOff(contextOf(args)),
      }) as AsyncGenerator<ExecutionResult> | ExecutionResult,
  };
}
