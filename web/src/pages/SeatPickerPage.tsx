import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAppServices, useSession } from '../appContext.ts';
import { ErrorNotice, errorCode } from '../components/ErrorNotice.tsx';
import { SeatMap } from '../components/SeatMap.tsx';
import { formatMoney, formatShowtime, formatTime } from '../format.ts';
import type { HoldSeatsMutation, SeatStatus } from '../gql/graphql.ts';
import {
  CreateBookingDocument,
  HoldSeatsDocument,
  PayBookingDocument,
  ReleaseHoldDocument,
  SeatAvailabilityDocument,
  SeatMapDocument,
} from '../gql/graphql.ts';

const MAX_SEATS = 10;
type Hold = HoldSeatsMutation['holdSeats'];

/** Test card tokens of the simulated payment processor (see payBooking). */
export const testCards = [
  { token: 'tok_visa', label: 'Visa ending 4242 (test: succeeds)' },
  { token: 'tok_declined', label: 'Card ending 0002 (test: declined)' },
  { token: 'tok_insufficient_funds', label: 'Card ending 9995 (test: insufficient funds)' },
];

export function SeatPickerPage() {
  const { id: showtimeId = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { onSocketConnected } = useAppServices();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [hold, setHold] = useState<Hold | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [card, setCard] = useState(testCards[0]!.token);

  const { data, loading, error, refetch } = useQuery(SeatMapDocument, {
    variables: { showtimeId },
  });
  const showtime = data?.showtime;

  // Live: every seat someone holds, buys or gives back changes this map, without a reload.
  const live = useSubscription(SeatAvailabilityDocument, {
    variables: { showtimeId },
    onData: ({ client, data: { data: event } }) => {
      const change = event?.seatAvailabilityChanged;
      if (!change) return;
      const statuses = new Map(change.changedSeats.map((s) => [s.seatId, s.status]));
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Showtime', id: showtimeId }),
        fields: {
          availableSeatCount: () => change.availableSeatCount,
          // Rows and seats are stored inline (no ids of their own): plain objects here.
          seatMap: (value) =>
            (value as unknown as readonly Row[]).map((row) => ({
              ...row,
              seats: row.seats.map((seat) => {
                const status = statuses.get(seat.id);
                return status ? { ...seat, status } : seat;
              }),
            })) as unknown as typeof value,
        },
      });
      // A seat picked here that someone else just took is no longer on offer.
      setSelected((current) => {
        const taken = [...current].filter(
          (id) => statuses.get(id) && statuses.get(id) !== 'AVAILABLE',
        );
        if (!taken.length) return current;
        setNotice('A seat you picked was just taken by someone else.');
        return new Set([...current].filter((id) => !taken.includes(id)));
      });
    },
  });
  // Whatever changed while the socket was down (or before it was up): read the map again.
  useEffect(() => onSocketConnected(() => void refetch()), [onSocketConnected, refetch]);

  // A hold ends at its expiry: the seats go back on sale.
  useEffect(() => {
    if (!hold) return;
    const timer = setTimeout(
      () => {
        setHold(null);
        setNotice('Your hold expired and the seats were released. Pick them again to book.');
      },
      Date.parse(hold.expiresAt) - Date.now(),
    );
    return () => clearTimeout(timer);
  }, [hold]);

  const [holdSeats, holding] = useMutation(HoldSeatsDocument);
  const [releaseHold, releasing] = useMutation(ReleaseHoldDocument);
  const [createBooking, booking] = useMutation(CreateBookingDocument);
  const [payBooking, paying] = useMutation(PayBookingDocument);

  if (loading && !showtime) return <p className="page muted">Loading seats…</p>;
  if (error)
    return (
      <section className="page">
        <ErrorNotice error={error} />
      </section>
    );
  if (!showtime)
    return (
      <section className="page">
        <h1>Showtime not found</h1>
        <Link to="/showtimes">All showtimes</Link>
      </section>
    );

  const seatsById = new Map(showtime.seatMap.flatMap((row) => row.seats.map((s) => [s.id, s])));
  const picked = [...selected].map((id) => seatsById.get(id)).filter((s) => s !== undefined);
  const pickedTotal = picked.reduce((sum, seat) => sum + seat.priceCents, 0);
  const mine = new Set(hold?.seats.map((s) => s.id));
  const { currency } = showtime.price;

  const toggle = (seat: { id: string }) => {
    setNotice(null);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(seat.id)) next.delete(seat.id);
      else if (next.size < MAX_SEATS) next.add(seat.id);
      else setNotice(`You can pick up to ${MAX_SEATS} seats at a time.`);
      return next;
    });
  };

  const onHold = async () => {
    setNotice(null);
    const result = await holdSeats({ variables: { showtimeId, seatIds: [...selected] } }).catch(
      (e: unknown) => {
        if (errorCode(e) === 'CONFLICT') void refetch();
        return null;
      },
    );
    if (!result?.data) return;
    setHold(result.data.holdSeats);
    setSelected(new Set());
  };

  const onRelease = async () => {
    if (!hold) return;
    await releaseHold({ variables: { holdId: hold.id } }).catch(() => null);
    setHold(null);
  };

  const onBookAndPay = async () => {
    if (!hold) return;
    setNotice(null);
    // The same keys if this is pressed twice: one booking, one charge.
    const created = await createBooking({
      variables: { holdId: hold.id, idempotencyKey: `hold-${hold.id}` },
    }).catch(() => null);
    const bookingId = created?.data?.createBooking.id;
    if (!bookingId) return;
    const paid = await payBooking({
      variables: { bookingId, paymentMethodToken: card, idempotencyKey: `${bookingId}-${card}` },
    }).catch(() => null);
    const payment = paid?.data?.payBooking;
    if (!payment) return;
    if (payment.status === 'FAILED') {
      // The booking is cancelled and its seats released (the saga's compensation).
      setHold(null);
      setNotice(
        `Your card was declined (${payment.failureReason ?? 'no reason given'}). Nothing was charged and the seats were released: pick seats again to try another card.`,
      );
      void refetch();
      return;
    }
    void navigate(`/bookings/${bookingId}`);
  };

  return (
    <section className="page seat-picker">
      <h1>{showtime.movie.title}</h1>
      <p className="muted">
        {showtime.theater.name}, {showtime.theater.city} · {showtime.screen.name} ·{' '}
        <time dateTime={showtime.startsAt}>
          {formatShowtime(showtime.startsAt, showtime.theater.timeZone)}
        </time>
      </p>
      <p aria-live="polite" className="live-status">
        <span className={`live-dot ${live.error ? 'offline' : ''}`} aria-hidden="true" />
        <span data-testid="available-count">{showtime.availableSeatCount}</span> seats available
        {live.error ? ' (live updates paused: reconnecting…)' : ' · updates live'}
      </p>
      <div className="seat-layout">
        <SeatMap
          rows={showtime.seatMap}
          currency={currency}
          selected={selected}
          mine={mine}
          onToggle={toggle}
        />
        <aside className="card checkout" aria-label="Your booking">
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {!hold ? (
            <>
              <h2>Your seats</h2>
              {picked.length === 0 ? (
                <p>Pick up to {MAX_SEATS} seats on the map.</p>
              ) : (
                <p>
                  {picked.map((s) => s.label).join(', ')}: {formatMoney(pickedTotal, currency)}
                </p>
              )}
              {session ? (
                <button
                  type="button"
                  disabled={!picked.length || holding.loading}
                  onClick={() => void onHold()}
                >
                  {holding.loading
                    ? 'Holding…'
                    : picked.length
                      ? `Hold ${picked.length} ${picked.length === 1 ? 'seat' : 'seats'}`
                      : 'Hold seats'}
                </button>
              ) : (
                <Link
                  className="button"
                  to={`/login?next=${encodeURIComponent(location.pathname)}`}
                >
                  Log in to book
                </Link>
              )}
              <ErrorNotice error={holding.error} />
            </>
          ) : (
            <>
              <h2>Held for you</h2>
              <p>
                {hold.seats.map((s) => s.label).join(', ')}:{' '}
                <strong>{formatMoney(hold.totalCents, hold.currency)}</strong>
              </p>
              <p className="muted">Held until {formatTime(hold.expiresAt)}.</p>
              <label>
                Test card
                <select value={card} onChange={(e) => setCard(e.target.value)}>
                  {testCards.map((c) => (
                    <option key={c.token} value={c.token}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={booking.loading || paying.loading}
                onClick={() => void onBookAndPay()}
              >
                {booking.loading
                  ? 'Booking…'
                  : paying.loading
                    ? 'Paying…'
                    : `Book and pay ${formatMoney(hold.totalCents, hold.currency)}`}
              </button>
              <button
                type="button"
                className="link-button"
                disabled={releasing.loading}
                onClick={() => void onRelease()}
              >
                Release these seats
              </button>
              <ErrorNotice error={booking.error ?? paying.error} />
            </>
          )}
        </aside>
      </div>
    </section>
  );
}

interface Row {
  seats: readonly { id: string; status: SeatStatus }[];
}
