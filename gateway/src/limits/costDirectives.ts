import type { ConstDirectiveNode, ConstValueNode, DocumentNode } from 'graphql';
import { Kind, valueFromASTUntyped } from 'graphql';

export interface ListSize {
  assumedSize?: number;
  /** Arguments whose value is the list's size (e.g. `first`). */
  slicingArguments?: string[];
  /** When the field returns a wrapper (a connection), the fields of it that are the list. */
  sizedFields?: string[];
}

export interface FieldCost {
  weight?: number;
  listSize?: ListSize;
}

/** `Type.field` → the @cost / @listSize the supergraph gives it. */
export type CostDirectives = Map<string, FieldCost>;

function argument(directive: ConstDirectiveNode, name: string): unknown {
  const value: ConstValueNode | undefined = directive.arguments?.find(
    (arg) => arg.name.value === name,
  )?.value;
  return value ? valueFromASTUntyped(value) : undefined;
}

/**
 * Reads the demand-control directives (`@cost(weight:)`, `@listSize(...)`, federation
 * v2.9) from a supergraph SDL, where composition keeps them on the field definitions.
 */
export function readCostDirectives(supergraph: DocumentNode): CostDirectives {
  const directives: CostDirectives = new Map();
  for (const definition of supergraph.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const cost: FieldCost = {};
      for (const directive of field.directives ?? []) {
        const name = directive.name.value.replace(/^(federation__|cost__)/, '');
        if (name === 'cost') {
          const weight = argument(directive, 'weight');
          if (typeof weight === 'number') cost.weight = weight;
        } else if (name === 'listSize') {
          const assumedSize = argument(directive, 'assumedSize');
          const slicingArguments = argument(directive, 'slicingArguments');
          const sizedFields = argument(directive, 'sizedFields');
          cost.listSize = {
            ...(typeof assumedSize === 'number' ? { assumedSize } : {}),
            ...(Array.isArray(slicingArguments)
              ? { slicingArguments: slicingArguments.map(String) }
              : {}),
            ...(Array.isArray(sizedFields) ? { sizedFields: sizedFields.map(String) } : {}),
          };
        }
      }
      if (cost.weight !== undefined || cost.listSize)
        directives.set(`${definition.name.value}.${field.name.value}`, cost);
    }
  }
  return directives;
}
