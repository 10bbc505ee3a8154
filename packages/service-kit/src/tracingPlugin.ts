import type { ApolloServerPlugin } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import { SpanStatusCode, trace } from '@opentelemetry/api';

/** Spans for the GraphQL phases of a request: parse, validate, execute (nested in the request span). */
export function tracingPlugin(): ApolloServerPlugin {
  const tracer = trace.getTracer('cinegraph');
  const phase = (name: string) => {
    const span: Span = tracer.startSpan(name);
    return async (error?: Error) => {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    };
  };
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return phase('graphql.parse');
        },
        async validationDidStart() {
          const end = phase('graphql.validate');
          return async (errors?: readonly Error[]) => end(errors?.[0]);
        },
        async didResolveOperation({ operationName, operation }) {
          const span = trace.getActiveSpan();
          span?.setAttribute('graphql.operation.name', operationName ?? '');
          span?.setAttribute('graphql.operation.type', operation?.operation ?? '');
        },
        async executionDidStart() {
          const end = phase('graphql.execute');
          return { executionDidEnd: async (error?: Error) => end(error) };
        },
      };
    },
  };
}
