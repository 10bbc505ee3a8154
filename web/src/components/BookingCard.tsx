import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatMoney, formatShowtime } from '../format.ts';
import type { BookingFieldsFragment } from '../gql/graphql.ts';
import { CancelBookingDocument } from '../gql/graphql.ts';
import { useNow } from '../useNow.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

export const statusText: Record<BookingFieldsFragment['status'], string> = {
  PENDING_PAYMENT: 'Waiting for payment',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired (not paid in time)',
  REFUNDED: 'Cancelled and refunded',
};

/** Whether the saga is still moving this booking (payment or refund on its way). */
export function isSettling(booking: BookingFieldsFragment): boolean {
  return (
    booking.status === 'PENDING_PAYMENT' ||
    // Cancelled after paying: REFUNDED follows, once payments refunded and bookings heard.
    (booking.status === 'CANCELLED' &&
      (booking.payment?.status === 'SUCCEEDED' || booking.payment?.status === 'REFUNDED'))
  );
}

export function BookingCard({
  booking,
  ticket = false,
}: {
  booking: BookingFieldsFragment;
  ticket?: boolean;
}) {
  const [cancel, { loading, error }] = useMutation(CancelBookingDocument);
  const now = useNow();
  const { showtime } = booking;
  const cancellable =
    (booking.status === 'CONFIRMED' || booking.status === 'PENDING_PAYMENT') &&
    Date.parse(showtime.startsAt) - now > 3_600_000;
  return (
    <article
      className={`card booking ${ticket && booking.status === 'CONFIRMED' ? 'ticket' : ''}`}
      aria-label={`Booking for ${showtime.movie.title}`}
    >
      <header>
        <h2>
          {ticket ? (
            showtime.movie.title
          ) : (
            <Link to={`/bookings/${booking.id}`}>{showtime.movie.title}</Link>
          )}
        </h2>
        <span
          className={`status status-${booking.status.toLowerCase()}`}
          data-testid="booking-status"
        >
          {statusText[booking.status]}
        </span>
      </header>
      <p>
        <time dateTime={showtime.startsAt}>
          {formatShowtime(showtime.startsAt, showtime.theater.timeZone)}
        </time>{' '}
        · {showtime.theater.name}, {showtime.theater.city} · {showtime.screen.name}
      </p>
      <p>
        Seats {booking.seats.map((s) => s.label).join(', ')} ·{' '}
        {formatMoney(booking.totalCents, booking.currency)}
      </p>
      {booking.payment?.status === 'FAILED' && (
        <p className="muted">
          Payment declined ({booking.payment.failureReason}); nothing was charged.
        </p>
      )}
      {booking.status === 'REFUNDED' && <p>Your payment was refunded.</p>}
      {ticket && booking.status === 'CONFIRMED' && (
        <p className="ticket-code">
          Booking reference <strong>{booking.id.slice(0, 8).toUpperCase()}</strong>: show it at the
          door.
        </p>
      )}
      {cancellable && (
        <button
          type="button"
          disabled={loading}
          onClick={() => {
            if (window.confirm('Cancel this booking? A paid booking is refunded.'))
              void cancel({ variables: { id: booking.id } }).catch(() => undefined);
          }}
        >
          {loading ? 'Cancelling…' : 'Cancel booking'}
        </button>
      )}
      <ErrorNotice error={error} />
    </article>
  );
}
