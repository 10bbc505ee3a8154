import { CombinedGraphQLErrors } from '@apollo/client';

const byCode: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in again.',
  FORBIDDEN: 'That is not yours to see or change.',
  NOT_FOUND: 'We could not find that.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  PERSISTED_QUERY_NOT_IN_LIST: 'This version of the app is out of date. Please reload the page.',
};

/** What went wrong, in words for a customer: the API's message for input errors and conflicts. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (typeof code === 'string' && byCode[code]) return byCode[code];
    if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return first?.message ?? 'Please check.';
    return 'Something went wrong on our side. Please try again.';
  }
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
