import type { Scenario } from '../scenario.ts';
import { abstractChildTypeMismatch } from './abstractTypesChildTypeMismatch.ts';
import { abstractDistributedInterfaces } from './abstractTypesInterfaces.ts';
import { abstractEnumInputIntersection } from './abstractTypesIntersections.ts';
import { abstractPartialUnions } from './abstractTypesPartialUnions.ts';
import { entityCalls } from './entityCalls.ts';
import { executionIncludeSkip } from './executionIncludeSkip.ts';
import { executionMutationOrder } from './executionMutationOrder.ts';
import { executionNodeIds } from './executionNodeIds.ts';
import { executionTypename } from './executionTypename.ts';
import { federation1Extends } from './federation1Extends.ts';
import { interfaceObjectIndirect } from './interfaceObjectIndirect.ts';
import { interfaceObjectNonResolvable } from './interfaceObjectNonResolvable.ts';
import { interfaceObjectSimple } from './interfaceObjectSimple.ts';
import { interfaceObjectWithRequires } from './interfaceObjectWithRequires.ts';
import { overrideTypeToInterface } from './overrideTypeToInterface.ts';
import { overrideUnavailable } from './overrideUnavailable.ts';
import { overrideWithRequires } from './overrideWithRequires.ts';
import { providesNested } from './providesNested.ts';
import { providesOnInterfaces } from './providesOnInterfaces.ts';
import { providesOnUnions } from './providesOnUnions.ts';
import { requiresChained } from './requiresChained.ts';
import { requiresCircular } from './requiresCircular.ts';
import { requiresConflictingArguments } from './requiresConflictingArguments.ts';
import { requiresOnInterfaceFields } from './requiresOnInterfaceFields.ts';
import { requiresNestedArguments } from './requiresNestedArguments.ts';
import { requiresPlain } from './requiresPlain.ts';
import { requiresWithArguments } from './requiresWithArguments.ts';
import { requiresWithFragments } from './requiresWithFragments.ts';
import { visibilityInaccessible } from './visibilityInaccessible.ts';
import { visibilityKeyMashups } from './visibilityKeyMashups.ts';
import { visibilityNullKeys } from './visibilityNullKeys.ts';

/** Every scenario of the suite, in the table's order (docs/federation-conformance.md). */
export const scenarios: Scenario[] = [
  entityCalls,
  requiresPlain,
  requiresWithArguments,
  requiresConflictingArguments,
  requiresNestedArguments,
  requiresWithFragments,
  requiresChained,
  requiresCircular,
  requiresOnInterfaceFields,
  providesNested,
  providesOnInterfaces,
  providesOnUnions,
  overrideWithRequires,
  overrideTypeToInterface,
  overrideUnavailable,
  interfaceObjectSimple,
  interfaceObjectWithRequires,
  interfaceObjectIndirect,
  interfaceObjectNonResolvable,
  visibilityInaccessible,
  visibilityNullKeys,
  visibilityKeyMashups,
  abstractDistributedInterfaces,
  abstractPartialUnions,
  abstractEnumInputIntersection,
  abstractChildTypeMismatch,
  federation1Extends,
  executionMutationOrder,
  executionTypename,
  executionIncludeSkip,
  executionNodeIds,
];
