import type { AnyEventEnvelope, EventHandlers } from '@cinegraph/events';
import type { MovieContent } from '../catalog/movieFeatures.ts';
import { saveMovies } from '../catalog/saveMovies.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { recordSignal, removeSignal } from '../signals/signals.ts';

export type Tx = Prisma.TransactionClient;

/** A movie event's content, when it carries all of it (events published before it did do not). */
function contentOf(data: {
  genreIds?: string[] | undefined;
  synopsis?: string | undefined;
  credits?: { personId: string; role: string }[] | undefined;
}): MovieContent | undefined {
  if (!data.genreIds || data.synopsis === undefined || !data.credits) return undefined;
  return { genreIds: data.genreIds, synopsis: data.synopsis, credits: data.credits };
}

const at = (event: AnyEventEnvelope) => new Date(event.occurredAt);

/**
 * What recommendations learns from each event it consumes (eventConsumers.ts), in the
 * transaction that records the event as processed: the catalog's content, and each
 * person's signals. Nothing is computed here; picks are read from these tables, and the
 * similarities are recomputed on a schedule (similarity/recomputeWorker.ts).
 */
export const handlers = {
  async 'movie.created'(tx, event) {
    const content = contentOf(event.data);
    await saveMovies(tx, [
      { movieId: event.data.movieId, title: event.data.title, ...(content ? { content } : {}) },
    ]);
  },
  async 'movie.updated'(tx, event) {
    const content = contentOf(event.data);
    await saveMovies(tx, [
      { movieId: event.data.movieId, title: event.data.title, ...(content ? { content } : {}) },
    ]);
  },
  async 'review.created'(tx, event) {
    const { userId, movieId, rating } = event.data;
    await recordSignal(tx, { userId, movieId, kind: 'RATED', value: rating, at: at(event) });
  },
  async 'review.updated'(tx, event) {
    const { userId, movieId, rating } = event.data;
    await recordSignal(tx, { userId, movieId, kind: 'RATED', value: rating, at: at(event) });
  },
  async 'review.deleted'(tx, event) {
    const { userId, movieId } = event.data;
    await removeSignal(tx, { userId, movieId, kind: 'RATED', at: at(event) });
  },
  async 'watchlist.added'(tx, event) {
    const { userId, movieId } = event.data;
    await recordSignal(tx, { userId, movieId, kind: 'WATCHLISTED', at: at(event) });
  },
  async 'watchlist.removed'(tx, event) {
    // What they watched stays watched; only the intention goes.
    const { userId, movieId } = event.data;
    await removeSignal(tx, { userId, movieId, kind: 'WATCHLISTED', at: at(event) });
  },
  async 'watchlist.watched'(tx, event) {
    const { userId, movieId, watched } = event.data;
    const change = { userId, movieId, kind: 'WATCHED' as const, at: at(event) };
    await (watched ? recordSignal(tx, change) : removeSignal(tx, change));
  },
  async 'booking.confirmed'(tx, event) {
    const { userId, movieId, city, restated } = event.data;
    // A booking confirmed again (reconciliation) is not a second booking; one published
    // before booking.confirmed named its movie cannot be placed.
    if (restated || !movieId) return;
    await recordSignal(tx, { userId, movieId, kind: 'BOOKED', city, at: at(event) });
  },
} satisfies EventHandlers<Tx>;
