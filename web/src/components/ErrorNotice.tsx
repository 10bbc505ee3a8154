import { CombinedGraphQLErrors } from '@apollo/client';

/** Codes whose messages the API writes for the person at the keyboard. */
const clientCodes = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
]);

/** What went wrong, in words for a customer; never a stack trace or an internal message. */
export function describeError(error: unknown): string {
  const graphQLErrors = CombinedGraphQLErrors.is(error) ? error.errors : undefined;
  const first = graphQLErrors?.[0];
  const code = first?.extensions?.['code'];
  if (code === 'PERSISTED_QUERY_NOT_IN_LIST' || code === 'PERSISTED_QUERY_NOT_FOUND')
    return 'This version of the app is out of date. Please reload the page.';
  if (typeof code === 'string' && clientCodes.has(code) && first?.message) return first.message;
  if (graphQLErrors) return 'Something went wrong on our side. Please try again.';
  return 'We could not reach CineGraph. Check your connection and try again.';
}

export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {describeError(error)}
    </p>
  );
}
