import type { RandomChoices } from './randomChoices.ts';
import type { SeededData } from './seededData.ts';
import type { Viewer } from './viewers.ts';

export type Category = 'catalog read' | 'signed-in read' | 'movie page' | 'write';

/** One request of the workload, chosen before it is sent. */
export interface PlannedRequest {
  /** The operation's name in the manifests (see operations.ts). */
  operation: string;
  category: Category;
  variables: Record<string, unknown>;
  /** The viewer's access token; none for anonymous traffic. */
  token?: string;
  /** What the load learns from a successful answer (a new hold, a review's id, ...). */
  onData?: (data: Record<string, unknown>) => void;
  /** What a business refusal (CONFLICT, NOT_FOUND) tells it (e.g. the hold is gone). */
  onRefusal?: () => void;
  /**
   * The request the same person sends next, at once, after a successful answer: the
   * steps of a flow (hold → book → pay, sign in → refresh → sign out) follow each other
   * as they do in a client, rather than waiting for the next write drawn for that viewer.
   */
  followUp?: (data: Record<string, unknown>) => PlannedRequest | undefined;
}

/**
 * Error codes a write may get as an ordinary business answer: a seat someone else holds,
 * a second review of a movie, an unpaid-booking cap, a hold that expired. Counted apart
 * from errors. Any other code, or any error on a read, is an error.
 */
export const EXPECTED_REFUSALS: ReadonlySet<string> = new Set(['CONFLICT', 'NOT_FOUND']);

/** What planning a request draws on. */
export interface PlanContext {
  random: RandomChoices;
  data: SeededData;
  /** Every viewer, to find someone else's review to mark helpful. */
  viewers: readonly Viewer[];
  /** A key no other request of the whole run uses (idempotency keys, new emails). */
  uniqueKey(): string;
  /**
   * Which load of the run this is (0, 1, ...). The same seed draws the same seats in every
   * load; the seats it books are shifted by this, or each gateway would find the seats
   * that the one before it bought, and meet refusals where that one booked.
   */
  pass: number;
}
