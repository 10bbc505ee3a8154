import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ComponentType, ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAppServices, useSession } from './appContext.ts';
import { LogoutDocument, UnreadNotificationCountDocument } from './gql/graphql.ts';

// Pages load when first visited: the first screen needs the movies page only.
const page = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  lazy(async () => ({ default: (await load())[name] }));
const MoviesPage = page(() => import('./pages/MoviesPage.tsx'), 'MoviesPage');
const MoviePage = page(() => import('./pages/MoviePage.tsx'), 'MoviePage');
const ShowtimesPage = page(() => import('./pages/ShowtimesPage.tsx'), 'ShowtimesPage');
const SeatPickerPage = page(() => import('./pages/SeatPickerPage.tsx'), 'SeatPickerPage');
const LoginPage = page(() => import('./pages/AuthPages.tsx'), 'LoginPage');
const RegisterPage = page(() => import('./pages/AuthPages.tsx'), 'RegisterPage');
const WatchlistPage = page(() => import('./pages/WatchlistPage.tsx'), 'WatchlistPage');
const MyBookingsPage = page(() => import('./pages/MyBookingsPage.tsx'), 'MyBookingsPage');
const BookingPage = page(() => import('./pages/BookingPage.tsx'), 'BookingPage');
const NotificationsPage = page(() => import('./pages/NotificationsPage.tsx'), 'NotificationsPage');

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page muted">Loading…</p>}>
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
        </Suspense>
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
