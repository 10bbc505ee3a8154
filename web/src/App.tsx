import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAppServices, useSession } from './appContext.ts';
import { LogoutDocument, UnreadNotificationCountDocument } from './gql/graphql.ts';
import { BookingPage } from './pages/BookingPage.tsx';
import { LoginPage, RegisterPage } from './pages/AuthPages.tsx';
import { MoviePage } from './pages/MoviePage.tsx';
import { MoviesPage } from './pages/MoviesPage.tsx';
import { MyBookingsPage } from './pages/MyBookingsPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { SeatPickerPage } from './pages/SeatPickerPage.tsx';
import { ShowtimesPage } from './pages/ShowtimesPage.tsx';
import { WatchlistPage } from './pages/WatchlistPage.tsx';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<MoviesPage />} />
          <Route path="/movies/:slug" element={<MoviePage />} />
          <Route path="/showtimes" element={<ShowtimesPage />} />
          <Route path="/showtimes/:id" element={<SeatPickerPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route
            path="/watchlist"
            element={
              <SignedIn>
                <WatchlistPage />
              </SignedIn>
            }
          />
          <Route
            path="/bookings"
            element={
              <SignedIn>
                <MyBookingsPage />
              </SignedIn>
            }
          />
          <Route
            path="/bookings/:id"
            element={
              <SignedIn>
                <BookingPage />
              </SignedIn>
            }
          />
          <Route
            path="/notifications"
            element={
              <SignedIn>
                <NotificationsPage />
              </SignedIn>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

/** Pages of a signed-in user: to the login page first, and back here after. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session)
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  return children;
}

function Header() {
  const session = useSession();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        CineGraph
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              Movies
            </NavLink>
          </li>
          <li>
            <NavLink to="/showtimes">Showtimes</NavLink>
          </li>
          {session && (
            <>
              <li>
                <NavLink to="/watchlist">Watchlist</NavLink>
              </li>
              <li>
                <NavLink to="/bookings">Bookings</NavLink>
              </li>
              <li>
                <NotificationsLink />
              </li>
            </>
          )}
        </ul>
      </nav>
      <div className="account">
        {session ? (
          <>
            <span className="who">{session.user.displayName}</span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link to="/login">Log in</Link>
            <Link to="/register" className="button">
              Register
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

function NotificationsLink() {
  // Refreshed every 30 s: a booking's confirmation arrives a moment after the payment.
  const { data } = useQuery(UnreadNotificationCountDocument, { pollInterval: 30_000 });
  const unread = data?.me?.unreadNotificationCount ?? 0;
  return (
    <NavLink to="/notifications">
      Notifications
      {unread > 0 && (
        <span className="badge" aria-label={`${unread} unread`}>
          {unread}
        </span>
      )}
    </NavLink>
  );
}

function SignOutButton() {
  const { session } = useAppServices();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(LogoutDocument);
  return (
    <button
      type="button"
      className="link-button"
      disabled={loading}
      onClick={async () => {
        const refreshToken = session.current()?.refreshToken;
        // Signed out here whatever the server says: the token ends with the login.
        if (refreshToken) await logout({ variables: { refreshToken } }).catch(() => undefined);
        session.set(null);
        await client.clearStore();
        void navigate('/');
      }}
    >
      Log out
    </button>
  );
}

function NotFound() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the movies</Link>
      </p>
    </section>
  );
}
