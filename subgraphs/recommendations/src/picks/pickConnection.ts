import type { PageInfo } from '@cinegraph/service-kit';
import { badInput, decodeCursor, encodeCursor, invalidCursor } from '@cinegraph/service-kit';

/** A recommended movie and why, as the lists are computed and cached. */
export interface Pick {
  movieId: string;
  reason: string;
}

/** The most any list holds: a page of at most 50 after the last cursor of a list of 50. */
export const MAX_PICKS = 50;

export interface PickConnection {
  edges: { cursor: string; node: { id: string }; reason: string }[];
  pageInfo: PageInfo;
}

/** `first` of a recommendation list: 1..50. */
export function picksPageSize(first: number | null | undefined): number {
  const size = first ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PICKS)
    throw badInput(`"first" must be between 1 and ${MAX_PICKS}.`, 'first');
  return size;
}

/**
 * A page of a ranked list. The cursor is the rank: the lists are short and recomputed as a
 * whole, so a page after a recompute continues from the same place in the new order.
 */
export function toPickConnection(
  picks: readonly Pick[],
  args: { first?: number | null; after?: string | null },
): PickConnection {
  const size = picksPageSize(args.first);
  const position = decodeCursor(args.after, 1);
  const after = position ? position[0] : -1;
  if (typeof after !== 'number' || !Number.isInteger(after) || after < -1) throw invalidCursor();
  const page = picks.slice(after + 1, after + 1 + size);
  const edges = page.map((pick, index) => ({
    cursor: encodeCursor([after + 1 + index]),
    node: { id: pick.movieId },
    reason: pick.reason,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: after + 1 + size < picks.length,
      hasPreviousPage: after >= 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
