import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../appContext.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { Poster } from '../components/Poster.tsx';
import { RecommendationRow } from '../components/RecommendationRow.tsx';
import { certificationLabel, formatDate } from '../format.ts';
import type { ReviewFieldsFragment, ReviewOrder } from '../gql/graphql.ts';
import {
  AddToWatchlistDocument,
  CreateReviewDocument,
  MarkReviewHelpfulDocument,
  MoviePageDocument,
  MovieReviewsDocument,
  RemoveFromWatchlistDocument,
  SimilarMoviesDocument,
} from '../gql/graphql.ts';

export function MoviePage() {
  const { slug = '' } = useParams();
  const { data, loading, error } = useQuery(MoviePageDocument, { variables: { slug } });
  const movie = data?.movie;
  if (loading && !movie) return <p className="page muted">Loading…</p>;
  if (error)
    return (
      <section className="page">
        <ErrorNotice error={error} />
      </section>
    );
  if (!movie)
    return (
      <section className="page">
        <h1>Movie not found</h1>
        <Link to="/">Back to the movies</Link>
      </section>
    );
  const directors = movie.crew.filter((c) => c.role === 'DIRECTOR').map((c) => c.person.name);
  const { ratingSummary: rating } = movie;
  const most = Math.max(1, ...rating.distribution.map((d) => d.count));

  return (
    <article className="page movie-page">
      <div className="movie-hero">
        <Poster id={movie.id} title={movie.title} size="large" />
        <div>
          <h1>{movie.title}</h1>
          <p className="muted">
            {formatDate(movie.releaseDate)} · {certificationLabel[movie.certification]} ·{' '}
            {movie.runtimeMinutes} min · {movie.genres.map((g) => g.name).join(', ')}
          </p>
          {directors.length > 0 && <p>Directed by {directors.join(', ')}</p>}
          <p>{movie.synopsis}</p>
          <p>
            <strong>Cast:</strong>{' '}
            {movie.cast
              .slice(0, 6)
              .map((c) => (c.character ? `${c.person.name} (${c.character})` : c.person.name))
              .join(', ')}
          </p>
          <div className="actions">
            <Link className="button" to={`/showtimes?movie=${movie.id}`}>
              Find showtimes
            </Link>
            <WatchlistToggle movieId={movie.id} inWatchlist={movie.inViewerWatchlist} />
            <span className="muted">On {movie.watchlistCount} watchlists</span>
          </div>
        </div>
      </div>

      <section aria-labelledby="ratings">
        <h2 id="ratings">Ratings</h2>
        <p>
          {rating.average == null
            ? 'No reviews yet.'
            : `★ ${rating.average.toFixed(1)} out of 10 from ${rating.count} ${rating.count === 1 ? 'review' : 'reviews'}`}
        </p>
        {rating.count > 0 && (
          <dl className="distribution">
            {[...rating.distribution].reverse().map((d) => (
              <div key={d.rating}>
                <dt>{d.rating}</dt>
                <dd>
                  <span className="bar" style={{ width: `${(d.count / most) * 100}%` }} />
                  <span className="count">{d.count}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {/* Above the reviews, which load more as they scroll: below them it would be out of reach. */}
      <SimilarMovies movieId={movie.id} />
      <Reviews movieId={movie.id} />
    </article>
  );
}

/**
 * Its own query, not a field of the page's: `similar` is non-null, so a recommendations
 * outage would otherwise take the whole movie down with it.
 */
function SimilarMovies({ movieId }: { movieId: string }) {
  const { data } = useQuery(SimilarMoviesDocument, { variables: { movieId, first: 6 } });
  return <RecommendationRow title="Similar movies" edges={data?.movie?.similar.edges} />;
}

function WatchlistToggle({ movieId, inWatchlist }: { movieId: string; inWatchlist: boolean }) {
  const session = useSession();
  const location = useLocation();
  const [add, adding] = useMutation(AddToWatchlistDocument, { refetchQueries: ['MyWatchlist'] });
  const [remove, removing] = useMutation(RemoveFromWatchlistDocument, {
    refetchQueries: ['MyWatchlist'],
  });
  if (!session)
    return (
      <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
        Log in to add it to your watchlist
      </Link>
    );
  const busy = adding.loading || removing.loading;
  return (
    <>
      <button
        type="button"
        aria-pressed={inWatchlist}
        disabled={busy}
        onClick={() =>
          void (inWatchlist ? remove : add)({ variables: { movieId } }).catch(() => undefined)
        }
      >
        {inWatchlist ? '✓ On your watchlist' : '+ Add to watchlist'}
      </button>
      <ErrorNotice error={adding.error ?? removing.error} />
    </>
  );
}

const orders: { value: ReviewOrder; label: string }[] = [
  { value: 'NEWEST', label: 'Newest' },
  { value: 'MOST_HELPFUL', label: 'Most helpful' },
  { value: 'HIGHEST', label: 'Highest rated' },
  { value: 'LOWEST', label: 'Lowest rated' },
];

function Reviews({ movieId }: { movieId: string }) {
  const [orderBy, setOrderBy] = useState<ReviewOrder>('NEWEST');
  const { data, loading, error, fetchMore } = useQuery(MovieReviewsDocument, {
    variables: { movieId, orderBy, first: 10 },
    notifyOnNetworkStatusChange: true,
  });
  const reviews = data?.movie?.reviews;
  return (
    <section aria-labelledby="reviews">
      <div className="section-heading">
        <h2 id="reviews">Reviews{reviews ? ` (${reviews.totalCount})` : ''}</h2>
        <label>
          Sort by{' '}
          <select value={orderBy} onChange={(e) => setOrderBy(e.target.value as ReviewOrder)}>
            {orders.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <WriteReview movieId={movieId} />
      <ErrorNotice error={error} />
      <ul className="reviews">
        {reviews?.edges.map(({ node }) => (
          <li key={node.id}>
            <ReviewItem review={node} />
          </li>
        ))}
      </ul>
      {reviews && (
        <LoadMore
          pageInfo={reviews.pageInfo}
          loading={loading}
          label="More reviews"
          fetchMore={fetchMore}
        />
      )}
    </section>
  );
}

function ReviewItem({ review }: { review: ReviewFieldsFragment }) {
  const session = useSession();
  const [revealed, setRevealed] = useState(!review.containsSpoilers);
  const [markHelpful, { loading, error }] = useMutation(MarkReviewHelpfulDocument);
  const own = session?.user.id === review.author.id;
  return (
    <article className="review" aria-label={`Review by ${review.author.displayName}`}>
      <header>
        <strong>★ {review.rating}/10</strong> {review.title && <span>{review.title}</span>}
        <span className="muted">
          {' '}
          by {review.author.displayName}, {formatDate(review.createdAt)}
        </span>
      </header>
      {revealed ? (
        // Plain text as written: React escapes it.
        <p className="review-body">{review.body}</p>
      ) : (
        <button type="button" className="link-button" onClick={() => setRevealed(true)}>
          Contains spoilers: show the review
        </button>
      )}
      <footer>
        <span className="muted">{review.helpfulCount} found this helpful</span>
        {session && !own && (
          <button
            type="button"
            aria-pressed={review.viewerMarkedHelpful}
            disabled={loading || review.viewerMarkedHelpful}
            onClick={() =>
              void markHelpful({ variables: { id: review.id } }).catch(() => undefined)
            }
          >
            {review.viewerMarkedHelpful ? 'Marked helpful' : 'Helpful'}
          </button>
        )}
      </footer>
      <ErrorNotice error={error} />
    </article>
  );
}

function WriteReview({ movieId }: { movieId: string }) {
  const session = useSession();
  const location = useLocation();
  const [rating, setRating] = useState(8);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [spoilers, setSpoilers] = useState(false);
  const [done, setDone] = useState(false);
  const [create, { loading, error }] = useMutation(CreateReviewDocument, {
    refetchQueries: ['MovieReviews'],
  });
  if (!session)
    return (
      <p>
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>Log in</Link> to write a
        review.
      </p>
    );
  if (done) return <p role="status">Thanks! Your review is published.</p>;
  return (
    <form
      className="card form"
      aria-label="Write a review"
      onSubmit={async (event) => {
        event.preventDefault();
        const input = {
          movieId,
          rating,
          body,
          containsSpoilers: spoilers,
          ...(title ? { title } : {}),
        };
        const result = await create({ variables: { input } }).catch(() => null);
        if (result?.data) setDone(true);
      }}
    >
      <h3>Write a review</h3>
      <label>
        Rating (1 to 10)
        <input
          type="number"
          min={1}
          max={10}
          required
          value={rating}
          onChange={(e) => setRating(Number(e.target.value))}
        />
      </label>
      <label>
        Title (optional)
        <input maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Your review
        <textarea
          required
          maxLength={10_000}
          rows={4}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={spoilers} onChange={(e) => setSpoilers(e.target.checked)} />
        It contains spoilers
      </label>
      <ErrorNotice error={error} />
      <button type="submit" disabled={loading}>
        {loading ? 'Publishing…' : 'Publish review'}
      </button>
    </form>
  );
}
