import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToySubgraph } from '../../e2e/support/toySubgraph.ts';
import { startToySubgraph } from '../../e2e/support/toySubgraph.ts';
import type { GatewayContext } from '../src/context.ts';
import { withPlanExecution } from '../src/execution/planExecution.ts';
import type { SubgraphDataSource } from '../src/subgraphDataSource.ts';
import { valueCompletionAsErrors, withoutDroppedShapingErrors } from './support/apolloReference.ts';
import { createTestDataSource } from './support/testDataSource.ts';

// CineGraph's plan executor must answer exactly as @apollo/gateway's executor does, byte
// for byte: the same data in the same key order, the same errors with the same paths and
// codes. Two toy subgraphs cover what the executor handles: entities joined across
// subgraphs, @requires, @provides, interfaces and unions, aliases, named and inline
// fragments, @skip/@include with variables and defaults, null propagation, invalid
// values, subgraph errors inside entity fetches, mutations and a subgraph that is down.
// One difference is on purpose: the errors shaping finds go to `errors`, as the spec says,
// where @apollo/gateway puts them in `extensions.valueCompletion` or drops them; the
// reference is read accordingly (support/apolloReference.ts).

const library = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  interface Media { id: ID! title: String! }
  type Book implements Media @key(fields: "id") { id: ID! title: String! pages: Int author: Author }
  type Film implements Media @key(fields: "id") { id: ID! title: String! minutes: Int! }
  type Author @key(fields: "id") { id: ID! name: String! }
  union SearchResult = Book | Film | Author
  type Query {
    media: [Media!]!
    search(term: String!): [SearchResult]
    book(id: ID!): Book
    brokenFilm: Film
    unratedBook: Book
    failing: String
    invalidScore: Int
    greeting(name: String = "you", loud: Boolean): String
  }
  type Mutation { addBook(title: String!): Book! renameBook(id: ID!, title: String!): Book }
`);
const ratings = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
  type Book @key(fields: "id") {
    id: ID!
    pages: Int @external
    rating: Float
    stars: Int!
    history: [Int!]
    readingHours: Int @requires(fields: "pages")
  }
  type Film @key(fields: "id") { id: ID! rating: Float boom: String }
  type Author @key(fields: "id") { id: ID! topRated: [Book!]! }
`);

const books = [
  { id: 'b1', title: 'Dune', pages: 412, authorId: 'a1' },
  { id: 'b2', title: 'Emma', pages: 320, authorId: 'a2' },
  { id: 'b3', title: 'Ubik', pages: null, authorId: 'a1' },
];
const films = [
  { id: 'f1', title: 'Alien', minutes: 117 },
  { id: 'f2', title: 'Heat', minutes: 170 },
];
const authors = [
  { id: 'a1', name: 'Frank' },
  { id: 'a2', name: 'Jane' },
];
const bookRatings: Record<string, { rating: number; stars: number | null; history: number[] }> = {
  b1: { rating: 4.5, stars: 5, history: [3, 4, 5] },
  b2: { rating: 3.9, stars: 4, history: [] },
  b3: { rating: 4.1, stars: null, history: [4, 4] },
};

const typed = <T extends object>(typename: string, value: T) => ({
  __typename: typename,
  ...value,
});

describe('the plan executor answers as @apollo/gateway does', () => {
  const subgraphs: ToySubgraph[] = [];
  let supergraphSdl: string;
  let urls: Record<string, string>;
  const servers: Record<
    'apollo' | 'apolloRemote' | 'cinegraph',
    ApolloServer<GatewayContext>
  > = {} as never;
  const registry = new Registry();
  const lookups = new Counter({
    name: 'lookups',
    help: 'lookups',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const executions = new Counter({
    name: 'executions',
    help: 'executions',
    labelNames: ['executor'] as const,
    registers: [registry],
  });

  const dataSource = (name: string, url: string) =>
    createTestDataSource({
      name,
      url,
      policy: { timeoutMs: 2_000, retries: 1, breakerFailures: 50, breakerHalfOpenAfterMs: 1_000 },
      dedupeQueries: true,
    });

  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    subgraphs.push(
      await startToySubgraph(library, {
        Query: {
          media: () => [
            ...books.map((b) => typed('Book', b)),
            ...films.map((f) => typed('Film', f)),
          ],
          search: (_: unknown, { term }: { term: string }) =>
            [
              ...books.map((b) => typed('Book', b)),
              ...films.map((f) => typed('Film', f)),
              ...authors.map((a) => typed('Author', a)),
            ].filter((item) =>
              ('title' in item ? item.title : item.name).toLowerCase().includes(term),
            ),
          book: (_: unknown, { id }: { id: string }) => books.find((b) => b.id === id),
          brokenFilm: () => ({ id: 'f9', title: 'Lost', minutes: null }),
          // The ratings subgraph does not know it: its entity call answers null, no error.
          unratedBook: () => ({ id: 'b0', title: 'Unrated', pages: 1, authorId: 'a1' }),
          failing: () => {
            throw new Error('the library is closed');
          },
          invalidScore: () => 'high',
          greeting: (_: unknown, { name, loud }: { name: string; loud?: boolean }) =>
            loud ? `HELLO ${name.toUpperCase()}` : `hello ${name}`,
        },
        Mutation: {
          addBook: (_: unknown, { title }: { title: string }) => ({
            id: `new-${title}`,
            title,
            pages: 10,
          }),
          renameBook: (_: unknown, { id, title }: { id: string; title: string }) => {
            const book = books.find((b) => b.id === id);
            return book ? { ...book, title } : null;
          },
        },
        Media: {
          __resolveType: (media: { pages?: unknown }) => ('pages' in media ? 'Book' : 'Film'),
        },
        SearchResult: { __resolveType: (item: { __typename: string }) => item.__typename },
        Book: {
          __resolveReference: (ref: { id: string }) => books.find((b) => b.id === ref.id),
          author: (book: { authorId: string }) => authors.find((a) => a.id === book.authorId),
        },
        Film: { __resolveReference: (ref: { id: string }) => films.find((f) => f.id === ref.id) },
        Author: {
          __resolveReference: (ref: { id: string }) => authors.find((a) => a.id === ref.id),
        },
      }),
      await startToySubgraph(ratings, {
        Book: {
          __resolveReference: (ref: { id: string; pages?: number | null }) =>
            bookRatings[ref.id] ? { ...ref, ...bookRatings[ref.id] } : null,
          readingHours: (book: { pages: number | null }) =>
            book.pages === null ? null : Math.ceil(book.pages / 40),
        },
        Film: {
          __resolveReference: (ref: { id: string }) => ({
            ...ref,
            rating: ref.id === 'f1' ? 4.8 : 4.2,
          }),
          boom: (film: { id: string }) => {
            if (film.id === 'f2') throw new Error(`no boom for ${film.id}`);
            return 'boom';
          },
        },
        Author: {
          __resolveReference: (ref: { id: string }) => ref,
          topRated: (author: { id: string }) =>
            books.filter((b) => b.authorId === author.id).map((b) => ({ id: b.id })),
        },
      }),
    );
    urls = { library: subgraphs[0]!.url, ratings: subgraphs[1]!.url };
    const composed = composeServices(
      Object.entries({ library, ratings }).map(([name, typeDefs]) => ({
        name,
        typeDefs,
        url: urls[name]!,
      })),
    );
    if (composed.errors) throw composed.errors[0];
    supergraphSdl = composed.supergraphSdl;

    const lean = new Map<string, SubgraphDataSource>();
    const make = (buildService: ConstructorParameters<typeof ApolloGateway>[0]) =>
      new ApolloGateway({ supergraphSdl, ...buildService });
    servers.apollo = new ApolloServer<GatewayContext>({
      gateway: make({
        buildService: ({ name, url }) => {
          const source = dataSource(name, url!);
          closers.push(() => source.close());
          return source;
        },
      }),
      includeStacktraceInErrorResponses: false,
      plugins: [valueCompletionAsErrors()],
    });
    servers.apolloRemote = new ApolloServer<GatewayContext>({
      gateway: make({ buildService: ({ url }) => new RemoteGraphQLDataSource({ url }) }),
      includeStacktraceInErrorResponses: false,
      plugins: [valueCompletionAsErrors()],
    });
    servers.cinegraph = new ApolloServer<GatewayContext>({
      gateway: withPlanExecution(
        make({
          buildService: ({ name, url }) => {
            const source = dataSource(name, url!);
            lean.set(name, source);
            closers.push(() => source.close());
            return source;
          },
        }),
        { subgraphs: lean, maxOperations: 100, executions, lookups },
      ),
      includeStacktraceInErrorResponses: false,
    });
    await Promise.all(Object.values(servers).map((server) => server.start()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await Promise.all(closers.map((close) => close()));
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop().catch(() => undefined)));
  });

  const context: GatewayContext = {
    viewer: null,
    requestId: 'plan-execution-test',
    forwardedFor: '127.0.0.1',
    clientName: 'test',
  };

  async function answer(
    server: ApolloServer<GatewayContext>,
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  ): Promise<string> {
    const response = await server.executeOperation(request, { contextValue: { ...context } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return JSON.stringify(response.body.singleResult);
  }

  async function executedBy(): Promise<Record<string, number>> {
    const { values } = await executions.get();
    return Object.fromEntries(values.map((v) => [String(v.labels['executor']), v.value]));
  }

  /**
   * Runs the request through all three gateways; returns our answer (equal to the
   * reference's, less the shaping errors @apollo/gateway dropped, which are checked on
   * their own), how many such errors there were, and who ran it.
   */
  async function compare(
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    { withRemoteDataSource = true } = {},
  ) {
    const before = await executedBy();
    const ours = await answer(servers.cinegraph, request);
    const after = await executedBy();
    const reference = await answer(servers.apollo, request);
    const reconciled = withoutDroppedShapingErrors(reference, ours);
    expect(reconciled.problems).toEqual([]);
    expect(reconciled.ours).toBe(reference);
    if (withRemoteDataSource) expect(await answer(servers.apolloRemote, request)).toBe(reference);
    const executor =
      (after['cinegraph'] ?? 0) > (before['cinegraph'] ?? 0)
        ? 'cinegraph'
        : (after['apollo'] ?? 0) > (before['apollo'] ?? 0)
          ? 'apollo'
          : 'none';
    return {
      dropped: reconciled.dropped,
      result: JSON.parse(ours) as {
        data?: unknown;
        errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
        extensions?: Record<string, unknown>;
      },
      executor,
    };
  }

  it('joins entities across subgraphs, with @requires, interfaces and fragments', async () => {
    const { result, executor } = await compare({
      query: `{
        media {
          __typename id title
          ... on Book { pages rating readingHours history author { name topRated { title stars } } }
          ... on Film { minutes rating }
        }
      }`,
    });
    expect(executor).toBe('cinegraph');
    // b3's stars is null in a non-null field: the subgraph's error, tagged with the subgraph,
    // at a path in the client's terms.
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) {
      expect(error.message).toBe('Cannot return null for non-nullable field Book.stars.');
      expect(error.extensions?.['serviceName']).toBe('ratings');
      expect(error.path?.slice(0, 4)).toEqual(['media', error.path?.[1], 'author', 'topRated']);
    }
    const media = (result.data as { media: Record<string, unknown>[] }).media;
    expect(media[0]).toMatchObject({
      __typename: 'Book',
      title: 'Dune',
      rating: 4.5,
      readingHours: 11,
    });
    expect(media[3]).toEqual({
      __typename: 'Film',
      id: 'f1',
      title: 'Alien',
      minutes: 117,
      rating: 4.8,
    });
  });

  it('keeps aliases, key order, repeated fields and __typename where they were asked', async () => {
    const { result, executor } = await compare({
      query: `{
        __typename
        second: book(id: "b2") { r: rating t: title id __typename }
        first: book(id: "b1") { title ... on Book { title rating } kind: __typename }
        again: book(id: "b1") { id }
      }`,
    });
    expect(executor).toBe('cinegraph');
    expect(result).toEqual({
      data: {
        __typename: 'Query',
        second: { r: 3.9, t: 'Emma', id: 'b2', __typename: 'Book' },
        first: { title: 'Dune', rating: 4.5, kind: 'Book' },
        again: { id: 'b1' },
      },
    });
  });

  it('applies @skip and @include with variables, defaults and literals', async () => {
    const query = `query Choose($withRating: Boolean = true, $skipTitle: Boolean!, $name: String) {
      media {
        id
        title @skip(if: $skipTitle)
        ... on Book @include(if: $withRating) { rating }
        ... on Film @skip(if: false) { minutes @include(if: false) }
      }
      greeting(name: $name)
    }`;
    const shown = await compare({ query, variables: { skipTitle: false, name: 'Ada' } });
    expect(shown.executor).toBe('cinegraph');
    expect((shown.result.data as { media: object[] }).media[0]).toEqual({
      id: 'b1',
      title: 'Dune',
      rating: 4.5,
    });
    const hidden = await compare({ query, variables: { skipTitle: true, withRating: false } });
    expect((hidden.result.data as { media: object[] }).media[0]).toEqual({ id: 'b1' });
    expect(hidden.result.data).toMatchObject({ greeting: 'hello you' });
  });

  it('resolves unions through named fragments, with an error inside an entity fetch', async () => {
    const { result, executor } = await compare({
      operationName: 'Search',
      query: `
        query Other { failing }
        query Search($term: String!) { search(term: $term) { ...Result } }
        fragment Result on SearchResult {
          __typename
          ... on Book { id title stars }
          ... on Film { title boom rating }
          ... on Author { name topRated { title } }
        }`,
      variables: { term: 'e' },
    });
    expect(executor).toBe('cinegraph');
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([
      ['no boom for f2', ['search', 3, 'boom']],
    ]);
  });

  it('propagates nulls, reports invalid values and subgraph errors, as Apollo does', async () => {
    const { result, executor } = await compare({
      query:
        '{ failing invalidScore brokenFilm { id title minutes } book(id: "b3") { title stars } }',
    });
    expect(executor).toBe('cinegraph');
    expect(result.data).toEqual({
      failing: null,
      invalidScore: null,
      brokenFilm: null,
      book: null,
    });
    // Each error keeps the subgraph's code and says which subgraph it came from. The
    // gateway finds book's non-null `stars` missing too, but ratings' error at that path
    // says why already: one error per field.
    expect(
      result.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['serviceName']]),
    ).toEqual([
      ['INTERNAL_SERVER_ERROR', 'library'],
      ['INTERNAL_SERVER_ERROR', 'library'],
      ['INTERNAL_SERVER_ERROR', 'library'],
      ['INTERNAL_SERVER_ERROR', 'ratings'],
    ]);
  });

  it('reports a null the gateway finds in a non-null field in errors, with its path', async () => {
    // No subgraph reports an error: the ratings subgraph's entity call answers null for a
    // book it does not know, so the book's non-null `stars` has no value.
    const { result, executor, dropped } = await compare({
      query: '{ unratedBook { title stars } }',
    });
    expect(executor).toBe('cinegraph');
    expect(dropped).toBe(0);
    expect(result).toEqual({
      errors: [
        {
          message: 'Cannot return null for non-nullable field Book.stars.',
          path: ['unratedBook', 'stars'],
          extensions: { code: 'RESPONSE_VALIDATION_FAILED' },
        },
      ],
      data: { unratedBook: null },
    });
  });

  it('reports it after the subgraphs’ errors, where @apollo/gateway drops it', async () => {
    const { result, executor, dropped } = await compare({
      query: '{ failing unratedBook { title stars } }',
    });
    expect(executor).toBe('cinegraph');
    expect(dropped).toBe(1);
    expect(result.data).toEqual({ failing: null, unratedBook: null });
    expect(result.errors?.map((e) => [e.extensions?.['code'], e.path, e.message])).toEqual([
      ['INTERNAL_SERVER_ERROR', ['failing'], 'the library is closed'],
      [
        'RESPONSE_VALIDATION_FAILED',
        ['unratedBook', 'stars'],
        'Cannot return null for non-nullable field Book.stars.',
      ],
    ]);
  });

  it('runs mutations in order and joins their results', async () => {
    const { result, executor } = await compare({
      query: `mutation {
        added: addBook(title: "Solaris") { id title }
        renamed: renameBook(id: "b1", title: "Dune Messiah") { title rating }
        missing: renameBook(id: "nope", title: "x") { title rating }
      }`,
    });
    expect(executor).toBe('cinegraph');
    expect(result.data).toEqual({
      added: { id: 'new-Solaris', title: 'Solaris' },
      renamed: { title: 'Dune Messiah', rating: 4.5 },
      missing: null,
    });
  });

  it('refuses bad variables before any subgraph is called', async () => {
    const query =
      'query One($id: ID!, $loud: Boolean) { book(id: $id) { title } greeting(loud: $loud) }';
    const missing = await compare({ query, variables: {} });
    expect(missing.result.errors?.[0]?.message).toMatch(/\$id/);
    const wrongType = await compare({ query, variables: { id: 'b1', loud: 'yes' } });
    expect(wrongType.result.errors?.[0]?.message).toMatch(/\$loud/);
    expect(wrongType.result.data).toBeUndefined();
  });

  it('plans an operation once, however its text is formatted', async () => {
    const lookedUp = async () => {
      const { values } = await lookups.get();
      return Object.fromEntries(values.map((v) => [String(v.labels['outcome']), v.value]));
    };
    const start = await lookedUp();
    const moved = async (outcome: string) =>
      ((await lookedUp())[outcome] ?? 0) - (start[outcome] ?? 0);
    const first = await answer(servers.cinegraph, { query: '{ book(id: "b2") { title pages } }' });
    expect(await moved('miss')).toBe(1);
    const reformatted = await answer(servers.cinegraph, {
      query:
        '# the same, spelled differently\nquery {\n  book(id: "b2") {\n    title,\n    pages\n  }\n}',
    });
    expect(reformatted).toBe(first);
    expect(await moved('miss')).toBe(1);
    expect(await moved('text')).toBe(1);
    await answer(servers.cinegraph, { query: '{ book(id: "b2") { title pages } }' });
    expect(await moved('hit')).toBe(1);
  });

  it('leaves schema introspection to @apollo/gateway, with the same answer', async () => {
    const { result, executor } = await compare({
      query: '{ __schema { queryType { name } } book(id: "b1") { title } }',
    });
    expect(executor).toBe('apollo');
    expect(result.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
      book: { title: 'Dune' },
    });
  });

  it('answers the same when a subgraph is down', async () => {
    await subgraphs[1]!.stop();
    const { result, executor } = await compare(
      { query: '{ book(id: "b1") { title rating } media { id } }' },
      // RemoteGraphQLDataSource words connection errors its own way.
      { withRemoteDataSource: false },
    );
    expect(executor).toBe('cinegraph');
    expect(result.data).toEqual({
      book: { title: 'Dune', rating: null },
      media: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }, { id: 'f1' }, { id: 'f2' }],
    });
    expect(result.errors).toHaveLength(1);
  });
});
