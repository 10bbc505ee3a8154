import type { ValidationRule } from 'graphql';
import { GraphQLError } from 'graphql';

/**
 * With introspection off (`introspection: false`, the default under NODE_ENV=production):
 * `__schema` and `__type` are validation errors, one per field, as Apollo Server's own
 * rule reports them. `__typename` stays.
 */
export const NoIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type')
      context.reportError(
        new GraphQLError(
          `Introspection is switched off on this gateway: the operation selects ${node.name.value}.`,
          { nodes: [node] },
        ),
      );
  },
});
