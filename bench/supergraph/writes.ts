import type { PlanContext, PlannedRequest } from './plannedRequest.ts';
import type { Viewer } from './viewers.ts';

/**
 * The writes' shares among themselves, per write drawn (5% of draws by default). A
 * booking flow or a session is several requests, sent back to back (see `followUp`).
 */
export const WRITE_WEIGHTS = {
  bookingFlow: 40,
  review: 15,
  helpful: 5,
  watchlistAdd: 12,
  watchlistRemove: 8,
  markWatched: 5,
  notificationsRead: 5,
  session: 9,
  register: 1,
} as const;

type Data = Record<string, unknown>;
const field = <T>(data: Data, name: string) => data[name] as T;
const forget = (list: string[], id: string) => {
  const at = list.indexOf(id);
  if (at >= 0) list.splice(at, 1);
};

/** Pays a booking; a tenth of the payments are declined (the saga then cancels it). */
function payBooking(context: PlanContext, viewer: Viewer, bookingId: string): PlannedRequest {
  return {
    category: 'write',
    token: viewer.token,
    operation: 'PayBooking',
    variables: {
      bookingId,
      paymentMethodToken: context.random.chance(0.1) ? 'tok_declined' : 'tok_visa',
      idempotencyKey: context.uniqueKey(),
    },
    onData: () => forget(viewer.unpaid, bookingId),
    onRefusal: () => forget(viewer.unpaid, bookingId),
  };
}

/** After a hold: book its seats and pay (three in four), or give them back. */
function afterHold(context: PlanContext, viewer: Viewer, holdId: string): PlannedRequest {
  const base = { category: 'write', token: viewer.token } as const;
  const letGo = () => void (viewer.hold = null);
  if (!context.random.chance(0.75))
    return { ...base, operation: 'ReleaseHold', variables: { holdId }, onData: letGo };
  return {
    ...base,
    operation: 'CreateBooking',
    variables: { holdId, idempotencyKey: context.uniqueKey() },
    onData: (data) => {
      const id = field<{ id: string }>(data, 'createBooking').id;
      viewer.hold = null;
      viewer.unpaid.push(id);
      viewer.bookings.push(id);
    },
    onRefusal: letGo,
    followUp: (data) =>
      payBooking(context, viewer, field<{ id: string }>(data, 'createBooking').id),
  };
}

/**
 * A customer's booking: hold 1 to 4 seats of any showtime → book → pay, or let the hold
 * go; sometimes a past booking cancelled instead, which frees its seats. A flow cut
 * short (by the end of a window, or a refusal) is finished first, so that a customer
 * stays within the caps (one unpaid booking per showtime, three in all).
 */
function bookingFlow(context: PlanContext, viewer: Viewer): PlannedRequest {
  const { random } = context;
  const unpaid = viewer.unpaid[0];
  if (unpaid) return payBooking(context, viewer, unpaid);
  if (viewer.hold) return afterHold(context, viewer, viewer.hold.id);
  const base = { category: 'write', token: viewer.token } as const;
  const past = viewer.bookings.length ? random.pick(viewer.bookings) : null;
  if (past && random.chance(0.15))
    return { ...base, operation: 'CancelBooking', variables: { id: past } };
  // Any showtime alike (not the popular ones first): seats run out otherwise, and later
  // gateways would meet more refusals than earlier ones.
  const { showtimes } = context.data;
  const showtime =
    showtimes[(random.int(0, showtimes.length - 1) + context.pass * 97) % showtimes.length]!;
  const count = random.int(1, 4);
  // Drawn in a fixed range (screens differ in size), so that the draws stay in step.
  const first = random.int(0, 9_999) % (showtime.seatIds.length - count + 1);
  return {
    ...base,
    operation: 'HoldSeats',
    variables: { showtimeId: showtime.id, seatIds: showtime.seatIds.slice(first, first + count) },
    onData: (data) => {
      viewer.hold = { id: field<{ id: string }>(data, 'holdSeats').id, showtimeId: showtime.id };
    },
    followUp: (data) => afterHold(context, viewer, field<{ id: string }>(data, 'holdSeats').id),
  };
}

function reviewWrite(context: PlanContext, viewer: Viewer): PlannedRequest {
  const { random } = context;
  const movieId = random.popular(context.data.movies).id;
  const own = viewer.reviews.get(movieId);
  const base = { category: 'write', token: viewer.token } as const;
  const rating = random.int(1, 10);
  if (own || (viewer.reviews.size > 0 && random.chance(0.4)))
    return {
      ...base,
      operation: 'UpdateReview',
      variables: {
        id: own ?? random.pick([...viewer.reviews.values()]),
        input: { rating, body: `Second thoughts, ${rating} out of 10. `.repeat(3) },
      },
    };
  return {
    ...base,
    operation: 'CreateReview',
    variables: {
      input: {
        movieId,
        rating,
        title: 'Seen it at last',
        body: 'The score carries scenes the script forgets. '.repeat(3),
        containsSpoilers: random.chance(0.1),
      },
    },
    onData: (data) => viewer.reviews.set(movieId, field<{ id: string }>(data, 'createReview').id),
  };
}

function watchlistWrite(
  context: PlanContext,
  viewer: Viewer,
  kind: 'watchlistAdd' | 'watchlistRemove' | 'markWatched',
): PlannedRequest {
  const { random } = context;
  const base = { category: 'write', token: viewer.token } as const;
  if (kind !== 'watchlistAdd' && viewer.watchlist.size > 0) {
    const movieId = random.pick([...viewer.watchlist]);
    return kind === 'watchlistRemove'
      ? {
          ...base,
          operation: 'RemoveFromWatchlist',
          variables: { movieId },
          onData: () => void viewer.watchlist.delete(movieId),
        }
      : { ...base, operation: 'MarkWatched', variables: { movieId, watched: random.chance(0.8) } };
  }
  const movieId = random.popular(context.data.movies).id;
  return {
    ...base,
    operation: 'AddToWatchlist',
    variables: { movieId },
    onData: () => void viewer.watchlist.add(movieId),
  };
}

/** Signs in, refreshes the session once, signs out: each step spends the last token. */
function sessionFlow(viewer: Viewer): PlannedRequest {
  const remember = (name: string) => (data: Data) => {
    viewer.refreshToken = field<{ refreshToken: string }>(data, name).refreshToken;
  };
  const signOut = (): PlannedRequest | undefined =>
    viewer.refreshToken
      ? {
          category: 'write',
          operation: 'Logout',
          variables: { refreshToken: viewer.refreshToken },
          onData: () => void (viewer.refreshToken = null),
        }
      : undefined;
  const refresh = (): PlannedRequest | undefined =>
    viewer.refreshToken
      ? {
          category: 'write',
          operation: 'RefreshSession',
          variables: { refreshToken: viewer.refreshToken },
          onData: remember('refreshToken'),
          onRefusal: () => void (viewer.refreshToken = null),
          followUp: signOut,
        }
      : undefined;
  return {
    category: 'write',
    operation: 'Login',
    variables: { input: { email: viewer.email, password: viewer.password } },
    onData: remember('login'),
    followUp: refresh,
  };
}

function register(context: PlanContext): PlannedRequest {
  const key = context.uniqueKey();
  return {
    category: 'write',
    operation: 'Register',
    variables: {
      input: { email: `new-${key}@bench.test`, password: 'a new password', displayName: key },
    },
  };
}

/**
 * A write by `viewer`, in WRITE_WEIGHTS' proportions, given what the load knows of them;
 * marking notifications read goes to one of `own` (the connection's viewers) whose unread
 * ones the load has seen.
 */
export function planWrite(
  context: PlanContext,
  viewer: Viewer,
  own: readonly Viewer[],
): PlannedRequest {
  const kind = context.random.weighted(WRITE_WEIGHTS);
  switch (kind) {
    case 'bookingFlow':
      return bookingFlow(context, viewer);
    case 'review':
      return reviewWrite(context, viewer);
    case 'helpful': {
      const author = context.random.pick(context.viewers);
      const reviewId = author.reviews.size
        ? context.random.pick([...author.reviews.values()])
        : null;
      if (author === viewer || !reviewId) return reviewWrite(context, viewer);
      return {
        category: 'write',
        token: viewer.token,
        operation: 'MarkReviewHelpful',
        variables: { id: reviewId },
      };
    }
    case 'notificationsRead': {
      const reader = [viewer, ...own].find((v) => v.unreadNotifications.length > 0);
      if (!reader) return watchlistWrite(context, viewer, 'watchlistAdd');
      const ids = reader.unreadNotifications.slice(0, 10);
      return {
        category: 'write',
        token: reader.token,
        operation: 'MarkNotificationsRead',
        variables: { ids },
        onData: () => (reader.unreadNotifications = reader.unreadNotifications.slice(10)),
      };
    }
    case 'watchlistAdd':
    case 'watchlistRemove':
    case 'markWatched':
      return watchlistWrite(context, viewer, kind);
    case 'session':
      return sessionFlow(viewer);
    case 'register':
      return register(context);
  }
}
