import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAppServices } from '../appContext.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { SessionFieldsFragment } from '../gql/graphql.ts';
import { LoginDocument, RegisterDocument } from '../gql/graphql.ts';

/** After signing in: where the user was going (same-site paths only), else the movies. */
function useSignedIn(): (session: SessionFieldsFragment) => Promise<void> {
  const { session } = useAppServices();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async ({ __typename: _, ...fields }) => {
    session.set(fields);
    // Anonymous answers (inViewerWatchlist, viewerMarkedHelpful...) are now wrong.
    await client.resetStore().catch(() => undefined);
    const next = params.get('next');
    void navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginDocument);
  const signedIn = useSignedIn();
  const [params] = useSearchParams();
  return (
    <section className="page narrow">
      <h1>Log in</h1>
      <form
        className="card form"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await login({ variables: { input: { email, password } } }).catch(
            () => null,
          );
          if (result?.data) await signedIn(result.data.login);
        }}
      >
        <label>
          Email
          <input
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNotice error={error} />
        <button type="submit" disabled={loading}>
          {loading ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here? <Link to={`/register?${params.toString()}`}>Create an account</Link>
      </p>
    </section>
  );
}

export function RegisterPage() {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [register, { loading, error }] = useMutation(RegisterDocument);
  const signedIn = useSignedIn();
  const [params] = useSearchParams();
  return (
    <section className="page narrow">
      <h1>Create an account</h1>
      <form
        className="card form"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await register({
            variables: { input: { email, password, displayName } },
          }).catch(() => null);
          if (result?.data) await signedIn(result.data.register);
        }}
      >
        <label>
          Name
          <input
            autoComplete="name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label>
          Email
          <input
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password (at least 10 characters)
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNotice error={error} />
        <button type="submit" disabled={loading}>
          {loading ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/login?${params.toString()}`}>Log in</Link>
      </p>
    </section>
  );
}
