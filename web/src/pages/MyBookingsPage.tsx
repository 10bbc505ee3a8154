import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { BookingCard, isSettling } from '../components/BookingCard.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { MyBookingsDocument } from '../gql/graphql.ts';

export function MyBookingsPage() {
  const { data, loading, error, fetchMore, startPolling, stopPolling } = useQuery(
    MyBookingsDocument,
    {
      variables: { first: 10 },
      notifyOnNetworkStatusChange: true,
    },
  );
  const bookings = data?.me?.bookings;
  const settling = bookings?.edges.some(({ node }) => isSettling(node)) ?? false;
  useEffect(() => {
    if (!settling) return;
    startPolling(2_000);
    return () => stopPolling();
  }, [settling, startPolling, stopPolling]);

  return (
    <section className="page narrow">
      <h1>My bookings</h1>
      <ErrorNotice error={error} />
      {bookings?.edges.length === 0 && (
        <p>
          No bookings yet. <Link to="/showtimes">Find a showtime</Link>.
        </p>
      )}
      <ul className="stack">
        {bookings?.edges.map(({ node }) => (
          <li key={node.id}>
            <BookingCard booking={node} />
          </li>
        ))}
      </ul>
      {bookings && (
        <LoadMore
          pageInfo={bookings.pageInfo}
          loading={loading}
          label="Older bookings"
          fetchMore={fetchMore}
        />
      )}
    </section>
  );
}
