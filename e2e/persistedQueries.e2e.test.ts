import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@cinegraph/stack';
import { errorCodes, graphqlRequest, uniqueId } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();
const run = promisify(execFile);

const PARTNER_KEY = 'cinegraph-partner-dev-key';
const partnerDir = path.join(repoRoot, 'clients/partner');
const manifestFile = path.join(partnerDir, 'persisted-query-manifest.json');

interface Manifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: string; body: string }[];
}
const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
const operation = (name: string) => manifest.operations.find((op) => op.name === name)!;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Body {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}
async function post(body: Body, headers: Record<string, string> = {}, url = stack.gatewayUrl) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Record<string, unknown>) } as {
    status: number;
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}
const codes = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${stack.urls['gateway']}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const GENRES = '{ genres { id name } }';

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, registers a query sent with its hash, then serves it by hash over GET', async () => {
    const query = `query ApqGenres ${GENRES}`;
    const hash = sha256(query);

    const unknown = await post({ extensions: persisted(hash) });
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const registered = await post({ query, extensions: persisted(hash) });
    expect(registered.errors).toBeUndefined();
    expect((registered.data?.['genres'] as unknown[]).length).toBeGreaterThan(0);

    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('extensions', JSON.stringify(persisted(hash)));
    const byGet = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(byGet.status).toBe(200);
    expect(((await byGet.json()) as { data: unknown }).data).toEqual(registered.data);
    expect(
      await metric('persisted_query_lookups_total', 'source="apq",outcome="hit"'),
    ).toBeGreaterThan(0);
  });

  it('refuses registrations past the caller’s budget, and documents over the size cap, with their codes', async () => {
    const url = await stack.startGateway(
      'persistedQueries: { apq: { registrationsPerHour: 2, maxDocumentBytes: 512 } }',
    );
    // From an address of its own: replicas (and this stack's other gateways) share budgets.
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const register = (query: string) =>
      post({ query, extensions: persisted(sha256(query)) }, from, url);
    const unique = () => uniqueId().replace(/\W/g, '_');
    for (const n of [1, 2]) {
      const ok = await register(`query Budget${n}_${unique()} ${GENRES}`);
      expect(ok.errors).toBeUndefined();
    }
    const refused = await register(`query Budget3_${unique()} ${GENRES}`);
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['PERSISTED_QUERY_BUDGET_EXCEEDED']);
    // The same document without a hash runs: only registering is refused.
    expect((await post({ query: `query Budget3 ${GENRES}` }, from, url)).errors).toBeUndefined();
    const large = await register(`query Large { ${'genres { id } '.repeat(40)}}`);
    expect(large.status).toBe(413);
    expect(codes(large)).toEqual(['PERSISTED_QUERY_TOO_LARGE']);
  });

  it('refuses a hash that is not the query’s', async () => {
    const response = await post({ query: GENRES, extensions: persisted(sha256('something else')) });
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
  });
});

describe('safelisting from persisted query manifests', () => {
  const partner = { 'x-api-key': PARTNER_KEY };

  it('lets a partner run its manifest’s operations by id', async () => {
    const slug = await stack
      .graphql<{ movies: { edges: { node: { slug: string } }[] } }>(
        '{ movies(first: 1) { edges { node { slug } } } }',
      )
      .then((response) => response.data!.movies.edges[0]!.node.slug);
    const details = await post(
      { extensions: persisted(operation('MovieDetails').id), variables: { slug } },
      partner,
    );
    expect(details.errors).toBeUndefined();
    expect(details.data).toMatchObject({ movie: { __typename: 'Movie' } });

    const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const listings = await post(
      { extensions: persisted(operation('NowShowing').id), variables: { city: 'London', date } },
      partner,
    );
    expect(listings.errors).toBeUndefined();
    const edges = (listings.data?.['showtimes'] as { edges: unknown[] }).edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(
      await metric('persisted_query_lookups_total', 'source="manifest",outcome="hit"'),
    ).toBeGreaterThan(0);
  });

  it('refuses a free-form query from the partner, even a valid one', async () => {
    const freeForm = await post({ query: GENRES }, partner);
    expect(freeForm.status).toBe(403);
    expect(codes(freeForm)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);

    // Registering its own persisted query is no way round it, nor is calling someone else's.
    const query = `query Sneaky ${GENRES}`;
    const registering = await post({ query, extensions: persisted(sha256(query)) }, partner);
    expect(codes(registering)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    await post({ query, extensions: persisted(sha256(query)) });
    const byHash = await post({ extensions: persisted(sha256(query)) }, partner);
    expect(codes(byHash)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    // The exact text of a manifest operation is that operation.
    const sameText = await post(
      { query: operation('MovieDetails').body, variables: { slug: 'x' } },
      partner,
    );
    expect(sameText.errors).toBeUndefined();
  });

  it('applies the policy of a client that names itself, and refuses an unknown API key', async () => {
    const named = await post({ query: GENRES }, { 'apollographql-client-name': 'partner' });
    expect(codes(named)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);

    const badKey = await post({ query: GENRES }, { 'x-api-key': 'not-a-key' });
    expect(badKey.status).toBe(401);
    expect(codes(badKey)).toEqual(['UNAUTHENTICATED']);
  });

  it('in log-only mode runs an off-list operation and counts it', async () => {
    const before = await metric('safelist_violations_total', 'client="mobile",mode="log"');
    const response = await post({ query: GENRES }, { 'apollographql-client-name': 'mobile' });
    expect(response.errors).toBeUndefined();
    expect(await metric('safelist_violations_total', 'client="mobile",mode="log"')).toBe(
      before + 1,
    );
  });

  it('lets anonymous callers and unlisted clients run anything (the default mode)', async () => {
    expect((await post({ query: GENRES })).errors).toBeUndefined();
    expect(
      (await post({ query: GENRES }, { 'apollographql-client-name': 'web-dev' })).errors,
    ).toBeUndefined();
  });

  it('ships the manifest that the partner’s operations generate', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-manifest-'));
    try {
      const config = path.join(dir, 'config.json');
      await writeFile(
        config,
        JSON.stringify({
          documents: [path.join(partnerDir, 'operations/**/*.graphql')],
          output: path.join(dir, 'manifest.json'),
        }),
      );
      const cli = path.join(
        repoRoot,
        'node_modules/@apollo/generate-persisted-query-manifest/cli.js',
      );
      await run(process.execPath, [cli, '--config', config], { cwd: partnerDir });
      expect(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('manifest hot reload', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('picks up a changed manifest without a restart, and keeps the old one when the new one is broken', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-hot-'));
    const file = path.join(dir, 'manifest.json');
    const only = (names: string[]) =>
      JSON.stringify({
        ...manifest,
        operations: manifest.operations.filter((op) => names.includes(op.name)),
      });
    await writeFile(file, only(['MovieDetails']));
    const url = await stack.startGateway(
      [
        'persistedQueries:',
        `  manifests: { hot: ${file} }`,
        '  safelist:',
        '    clients:',
        '      hot: { mode: enforce, manifests: [hot] }',
      ].join('\n'),
    );
    const hot = { 'apollographql-client-name': 'hot' };
    const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const nowShowing = () =>
      post(
        { extensions: persisted(operation('NowShowing').id), variables: { city: 'London', date } },
        hot,
        url,
      );

    expect(codes(await nowShowing())).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);

    await writeFile(file, only(['MovieDetails', 'NowShowing']));
    const deadline = Date.now() + 10_000;
    let response = await nowShowing();
    while (response.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await nowShowing();
    }
    expect(response.errors).toBeUndefined();

    await writeFile(file, '{ this is not a manifest');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await nowShowing()).errors).toBeUndefined();
    expect(await graphqlRequest(url, GENRES, { headers: hot }).then(errorCodes)).toEqual([
      'PERSISTED_QUERY_NOT_IN_LIST',
    ]);
  });
});
