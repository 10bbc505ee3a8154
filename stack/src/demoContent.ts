import { graphqlRequest } from '@cinegraph/testing';

// Demo reviews and a watchlist for the seeded accounts, written through the gateway on a
// first `npm start`: reviews and watchlists know movies and users only by the ids the
// other subgraphs hand out, so their demo data goes through the API like anyone's.
const accounts = [
  { email: 'alice@cinegraph.dev', password: 'cinegraph-demo-password' },
  { email: 'admin@cinegraph.dev', password: 'cinegraph-admin-password' },
];
const opinions = [
  {
    rating: 9,
    title: 'A quiet knockout',
    body: 'Patient, beautifully shot and it earns its ending.',
  },
  {
    rating: 7,
    title: 'Worth the ticket',
    body: 'Uneven in the middle, but the last act delivers.',
  },
  { rating: 4, title: null, body: 'Looks great; I never believed a word of it.' },
];

export async function writeDemoContent(gatewayUrl: string): Promise<Record<string, number>> {
  const call = async <Data>(query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await graphqlRequest<Data>(gatewayUrl, query, {
      variables,
      ...(token ? { token } : {}),
    });
    if (response.errors) throw new Error(`demo content: ${response.errors[0]!.message}`);
    return response.data!;
  };
  const { movies } = await call<{ movies: { edges: { node: { id: string } }[] } }>(
    'query ($first: Int!) { movies(first: $first) { edges { node { id } } } }',
    { first: 3 },
  );
  const movieIds = movies.edges.map((edge) => edge.node.id);
  let reviews = 0;
  let listed = 0;
  for (const [a, account] of accounts.entries()) {
    const { login } = await call<{ login: { accessToken: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: account },
    );
    for (const [m, movieId] of movieIds.entries()) {
      const opinion = opinions[(a + m) % opinions.length]!;
      await call(
        'mutation ($input: CreateReviewInput!) { createReview(input: $input) { id } }',
        { input: { movieId, ...opinion } },
        login.accessToken,
      );
      reviews++;
      if (a === 0) {
        await call(
          'mutation ($movieId: ID!) { addToWatchlist(movieId: $movieId) { addedAt } }',
          { movieId },
          login.accessToken,
        );
        listed++;
      }
    }
  }
  return { reviews, 'watchlist entries': listed };
}

/**
 * Writes the demo content and logs what it wrote. Nice to have: a failure is logged and
 * the stack keeps running.
 */
export async function writeDemoContentLogged(
  gatewayUrl: string,
  log: (message: string) => void,
): Promise<void> {
  await writeDemoContent(gatewayUrl).then(
    (counts) =>
      log(
        `demo content: ${Object.entries(counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      ),
    (error: Error) => log(`demo content skipped: ${error.message}`),
  );
}
