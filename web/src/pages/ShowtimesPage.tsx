import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { formatMoney, formatShowtime, todayIsoDate } from '../format.ts';
import { CitiesDocument, ShowtimesDocument } from '../gql/graphql.ts';

export function ShowtimesPage() {
  const [params, setParams] = useSearchParams();
  const city = params.get('city') ?? '';
  const date = params.get('date') ?? todayIsoDate();
  const movieId = params.get('movie') ?? '';
  const cities = useQuery(CitiesDocument);
  const cityNames = [...new Set(cities.data?.theaters.map((t) => t.city))].sort();
  const { data, loading, error, fetchMore } = useQuery(ShowtimesDocument, {
    variables: { date, first: 20, ...(city ? { city } : {}), ...(movieId ? { movieId } : {}) },
    notifyOnNetworkStatusChange: true,
  });
  const showtimes = data?.showtimes;
  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <section className="page">
      <h1>Showtimes</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          City
          <select value={city} onChange={(e) => change('city', e.target.value)}>
            <option value="">All cities</option>
            {cityNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input
            type="date"
            value={date}
            min={todayIsoDate()}
            onChange={(e) => change('date', e.target.value)}
          />
        </label>
        {movieId && (
          <button type="button" className="link-button" onClick={() => change('movie', '')}>
            Show every movie
          </button>
        )}
      </form>
      <ErrorNotice error={error} />
      {showtimes && showtimes.edges.length === 0 && (
        <p>No showtimes that day. Try another date or city.</p>
      )}
      <ul className="showtimes">
        {showtimes?.edges.map(({ node }) => (
          <li key={node.id} className="card showtime">
            <div>
              <h2>
                <Link to={`/movies/${node.movie.slug}`}>{node.movie.title}</Link>
              </h2>
              <p className="muted">
                {node.theater.name}, {node.theater.city} · {node.screen.name}
              </p>
            </div>
            <div className="showtime-meta">
              <time dateTime={node.startsAt}>
                {formatShowtime(node.startsAt, node.theater.timeZone)}
              </time>
              <span>{formatMoney(node.price.amountCents, node.price.currency)}</span>
              <span className="muted">
                {node.availableSeatCount === 1
                  ? '1 seat left'
                  : `${node.availableSeatCount} seats left`}
              </span>
              <Link
                className="button"
                to={`/showtimes/${node.id}`}
                aria-label={`Choose seats: ${node.movie.title}, ${node.theater.name}, ${formatShowtime(node.startsAt, node.theater.timeZone)}`}
              >
                Choose seats
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {showtimes && (
        <LoadMore
          pageInfo={showtimes.pageInfo}
          loading={loading}
          label="More showtimes"
          fetchMore={fetchMore}
        />
      )}
    </section>
  );
}
