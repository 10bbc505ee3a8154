import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../appContext.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { Poster } from '../components/Poster.tsx';
import { RecommendationRow } from '../components/RecommendationRow.tsx';
import { certificationLabel } from '../format.ts';
import type { MovieCardFragment } from '../gql/graphql.ts';
import {
  GenresDocument,
  MoviesDocument,
  PopularMoviesDocument,
  RecommendedMoviesDocument,
} from '../gql/graphql.ts';

const PAGE = 24;
/** One row of picks above the catalog. */
const PICKS = 8;

export function MoviesPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const genre = params.get('genre') ?? '';
  const [text, setText] = useState(search);

  // The URL follows the search box a moment after typing stops (shareable, back-button safe).
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() === search) return;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, search, params, setParams]);

  const genres = useQuery(GenresDocument);
  const filter = { ...(search ? { search } : {}), ...(genre ? { genreIds: [genre] } : {}) };
  const { data, loading, error, fetchMore } = useQuery(MoviesDocument, {
    variables: { filter, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.movies;

  return (
    <section className="page">
      <h1>Movies</h1>
      <Picks />
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Title or story, e.g. horizon"
          />
        </label>
        <label>
          Genre
          <select
            value={genre}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              if (event.target.value) next.set('genre', event.target.value);
              else next.delete('genre');
              setParams(next, { replace: true });
            }}
          >
            <option value="">All genres</option>
            {genres.data?.genres.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNotice error={error} />
      {connection && (
        <p className="muted" aria-live="polite">
          {connection.totalCount === 1 ? '1 movie' : `${connection.totalCount} movies`}
          {search && ` for “${search}”`}
        </p>
      )}
      <ul className="movie-grid">
        {connection?.edges.map(({ node }) => (
          <li key={node.id}>
            <MovieCard movie={node} />
          </li>
        ))}
      </ul>
      {connection && (
        <LoadMore
          pageInfo={connection.pageInfo}
          loading={loading}
          label="More movies"
          fetchMore={fetchMore}
        />
      )}
      {loading && !connection && <p className="muted">Loading…</p>}
    </section>
  );
}

/** Signed in, the viewer's own picks; signed out, what is popular. */
function Picks() {
  const session = useSession();
  return session ? <RecommendedForYou /> : <PopularThisWeek />;
}

// Both asked again on each visit: a rating, a booking or anyone's signal moves them within
// seconds, and the cache would otherwise show the first answer for as long as the tab lives.
function RecommendedForYou() {
  const { data } = useQuery(RecommendedMoviesDocument, {
    variables: { first: PICKS },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <RecommendationRow title="Recommended for you" edges={data?.me?.recommendedMovies.edges} />
  );
}

function PopularThisWeek() {
  const { data } = useQuery(PopularMoviesDocument, {
    variables: { first: PICKS },
    fetchPolicy: 'cache-and-network',
  });
  return <RecommendationRow title="Popular this week" edges={data?.popularMovies.edges} />;
}

export function MovieCard({ movie }: { movie: MovieCardFragment }) {
  const { average, count } = movie.ratingSummary;
  return (
    <article className="movie-card">
      <Poster id={movie.id} title={movie.title} />
      <div>
        <h2>
          <Link to={`/movies/${movie.slug}`}>{movie.title}</Link>
        </h2>
        <p className="muted">
          {movie.releaseDate.slice(0, 4)} · {certificationLabel[movie.certification]} ·{' '}
          {movie.runtimeMinutes} min
        </p>
        <p className="muted">{movie.genres.map((g) => g.name).join(', ')}</p>
        <p>{average == null ? 'No reviews yet' : `★ ${average.toFixed(1)} / 10 (${count})`}</p>
      </div>
    </article>
  );
}
