import type { Prisma, SignalKind } from '../generated/prisma/client.ts';

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

export interface SignalChange {
  userId: string;
  movieId: string;
  kind: SignalKind;
  /** When the event happened (its envelope's occurredAt). */
  at: Date;
}

/**
 * Records a signal, unless one of its kind newer than this is already there: events may
 * arrive out of order (a retry), and the latest word about a rating or a watchlist entry
 * is the one to keep.
 */
export async function recordSignal(
  tx: Tx,
  change: SignalChange & { value?: number; city?: string | undefined },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO signals (user_id, movie_id, kind, value, city, occurred_at)
    VALUES (${change.userId}::uuid, ${change.movieId}::uuid, ${change.kind}::"SignalKind",
            ${change.value ?? 1}, ${change.city ?? null}, ${change.at})
    ON CONFLICT (user_id, movie_id, kind) DO UPDATE
       SET value = EXCLUDED.value, city = EXCLUDED.city, occurred_at = EXCLUDED.occurred_at
     WHERE signals.occurred_at <= EXCLUDED.occurred_at`;
}

/** Removes a signal (a review deleted, a movie taken off a watchlist), unless a newer one replaced it. */
export async function removeSignal(tx: Tx, change: SignalChange): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM signals
     WHERE user_id = ${change.userId}::uuid AND movie_id = ${change.movieId}::uuid
       AND kind = ${change.kind}::"SignalKind" AND occurred_at <= ${change.at}`;
}
