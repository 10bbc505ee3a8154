import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { BookingCard, isSettling } from '../components/BookingCard.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { BookingDocument } from '../gql/graphql.ts';

/** One booking; its ticket once the payment is confirmed. */
export function BookingPage() {
  const { id = '' } = useParams();
  const { data, error, startPolling, stopPolling } = useQuery(BookingDocument, {
    variables: { id },
  });
  const booking = data?.booking;
  // The saga confirms (or refunds) a moment after the payment: watch until it settles.
  const settling = booking ? isSettling(booking) : false;
  useEffect(() => {
    if (!settling) return;
    startPolling(1_000);
    return () => stopPolling();
  }, [settling, startPolling, stopPolling]);

  if (error)
    return (
      <section className="page">
        <ErrorNotice error={error} />
      </section>
    );
  if (!booking) return <p className="page muted">Loading…</p>;
  return (
    <section className="page narrow">
      <h1>{booking.status === 'CONFIRMED' ? 'Your ticket' : 'Your booking'}</h1>
      {settling && (
        <p role="status" className="notice">
          {booking.status === 'PENDING_PAYMENT'
            ? 'Confirming your payment…'
            : 'Refunding your payment…'}
        </p>
      )}
      <BookingCard booking={booking} ticket />
      <p>
        <Link to="/bookings">All my bookings</Link>
      </p>
    </section>
  );
}
