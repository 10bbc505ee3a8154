import type { GraphQLError } from 'graphql';

/**
 * When a fetch's answer counts as arrived, for the order in which errors are reported.
 * @apollo/gateway reports them as answers happen to arrive, so with two failing fetches in
 * parallel the order changes with the subgraphs' timing, and with whatever else is in
 * flight. Here it never does: errors are reported as if every subgraph answered in the
 * order it was called. The fetches that a plan starts at once arrive in the order they
 * were started; a fetch started once an answer arrived arrives after every fetch started
 * before it, so it comes one step later (`path` one longer) and, among those, in the order
 * of the answers that started them, then in the order it was started. That is also what
 * @apollo/gateway reports when its subgraphs answer in call order (the differential fuzzer
 * runs its reference that way).
 */
export interface Arrival {
  /** The arrival that started this fetch, then this fetch's place among those it started. */
  path: number[];
  /** Fetches this arrival has started so far. */
  started: number;
  /** The errors that came with it, if any. */
  errors?: GraphQLError[];
}

export const startOfPlan = (): Arrival => ({ path: [], started: 0 });

/** The arrival of a fetch called now, after `after`. */
export function called(after: Arrival): Arrival {
  return { path: [...after.path, after.started++], started: 0 };
}

export function compareArrivals(a: Arrival, b: Arrival): number {
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  for (let index = 0; index < a.path.length; index++)
    if (a.path[index] !== b.path[index]) return a.path[index]! - b.path[index]!;
  return 0;
}

/** Of two arrivals, the later: what a node after both of them starts after. */
export const latest = (a: Arrival, b: Arrival): Arrival => (compareArrivals(a, b) >= 0 ? a : b);

/** Records errors that came with `arrival`, and `arrival` in `reported` the first time. */
export function reportErrors(reported: Arrival[], arrival: Arrival, errors: GraphQLError[]): void {
  if (!arrival.errors) {
    arrival.errors = [];
    reported.push(arrival);
  }
  arrival.errors.push(...errors);
}
