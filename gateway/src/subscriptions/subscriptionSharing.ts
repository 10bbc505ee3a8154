import type { DocumentNode } from 'graphql';
import { Kind, parse, print } from 'graphql';
import { canonicalJson } from '../caching/canonicalJson.ts';
import type { GatewayContext } from '../context.ts';
import type { PreparedSubscription } from '../execution/planExecution.ts';
import type { IsViewerDependent } from './viewerDependence.ts';

/** Where one client's subscription goes: which upstream stream, and which joins of its events. */
export interface SubscriptionPlacement {
  upstream: {
    /** Subscriptions with the same key share the stream. */
    key: string;
    /** The token the upstream socket carries: none when the stream is everyone's. */
    authorization: string | undefined;
    /** The primary fetch's variables (those it uses). */
    variables: Record<string, unknown>;
  };
  /** The clients whose events are resolved together (one `rest` run per event). */
  audience: {
    key: string;
    /** The joins carry the viewer's token (else nobody's: one resolution for everyone). */
    perViewer: boolean;
  };
}

/** What a planned subscription's sharing depends on, decided once per plan. */
interface Scopes {
  /** The primary fetch's text without its operation name: the same for every operation selecting the same. */
  primarySelection: string;
  /** The upstream stream's events depend on who subscribed: one stream per viewer. */
  primaryPerViewer: boolean;
  /** The joins depend on the viewer: each viewer's events are resolved with its own token. */
  joinsPerViewer: boolean;
}

/**
 * Decides which clients share an upstream stream and which share the resolution of its
 * events, from what in the operation depends on the viewer:
 * - the primary fetch (the owning subgraph's subscription) selects nothing viewer-dependent:
 *   one stream for every viewer, keyed on that selection and its variables, opened with
 *   no token; otherwise one stream per viewer, opened with the viewer's token (and joined
 *   with it);
 * - the operation selects something viewer-dependent only outside the primary fetch, in
 *   its joins (`rest`): those are resolved per viewer, with the viewer's token; otherwise
 *   once per event for every client of the operation, with no token.
 * A shared stream or join never carries anyone's token, so a field that should have been
 * hinted PRIVATE and was not is answered as to an anonymous caller, never with another
 * viewer's data. Anonymous clients are one viewer.
 */
export function createSubscriptionPlacement(isViewerDependent: IsViewerDependent) {
  // Plans are per supergraph (a reload prepares new ones): so are these decisions.
  const scopesOfPlan = new WeakMap<PreparedSubscription, Scopes>();

  /** Undecidable counts as viewer-dependent: sharing is the exception that must be sure. */
  const dependsOnViewer = (document: DocumentNode, operationName: string | undefined) => {
    try {
      return isViewerDependent({ document, operationName });
    } catch {
      return true;
    }
  };

  function scopesOf(
    prepared: PreparedSubscription,
    document: DocumentNode,
    operationName: string | undefined,
  ): Scopes {
    let scopes = scopesOfPlan.get(prepared);
    if (scopes) return scopes;
    const { primary } = prepared;
    const primaryDocument = parse(primary.operation);
    const primaryPerViewer = dependsOnViewer(primaryDocument, primary.operationName ?? undefined);
    scopes = {
      primarySelection: `${primary.serviceName}\0${print(withoutOperationNames(primaryDocument))}`,
      primaryPerViewer,
      // The primary's fields are the operation's own: what is PRIVATE in the operation and
      // not in the primary is in its joins.
      joinsPerViewer:
        primaryPerViewer ||
        (prepared.rest !== undefined && dependsOnViewer(document, operationName)),
    };
    scopesOfPlan.set(prepared, scopes);
    return scopes;
  }

  return function placementOf(
    prepared: PreparedSubscription,
    request: {
      document: DocumentNode;
      operationName: string | undefined;
      variables: Record<string, unknown> | undefined;
      context: Pick<GatewayContext, 'viewer' | 'authorization'>;
    },
  ): SubscriptionPlacement {
    const scopes = scopesOf(prepared, request.document, request.operationName);
    const { viewer, authorization } = request.context;
    const who = viewer ? `${viewer.id}:${viewer.role}` : 'anonymous';
    const variables: Record<string, unknown> = {};
    for (const name of prepared.primary.variableUsages ?? [])
      if (request.variables && request.variables[name] !== undefined)
        variables[name] = request.variables[name];
    return {
      upstream: {
        key: canonicalJson([
          scopes.primaryPerViewer ? who : '*',
          scopes.primarySelection,
          variables,
        ]),
        authorization: scopes.primaryPerViewer ? authorization : undefined,
        variables,
      },
      audience: {
        key: canonicalJson([
          scopes.joinsPerViewer ? who : '*',
          prepared.key,
          request.variables ?? {},
        ]),
        // Anonymous clients are one viewer without a token: their joins are everyone's.
        perViewer: scopes.joinsPerViewer && viewer !== null,
      },
    };
  };
}

/** The document with its operations unnamed: `subscription A__bookings__0 {…}` and `subscription B__bookings__0 {…}` select the same. */
function withoutOperationNames(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? { ...definition, name: undefined }
        : definition,
    ),
  };
}
