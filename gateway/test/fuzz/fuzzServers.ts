import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { QueryPlanner } from '@apollo/query-planner';
import { execute, isAbstractType, parse, validate } from 'graphql';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, createFormatError } from '@cinegraph/service-kit';
import { gatewayConfigSchema } from '../../src/config.ts';
import { createGateway } from '../../src/createGateway.ts';
import { createQueryPlanning } from '../../src/execution/requiredArguments.ts';
import { SubgraphFailure } from '../../src/subgraphDataSource.ts';
import { valueCompletionAsErrors } from '../support/apolloReference.ts';
import type { FuzzContext, FuzzSubgraph, Representation } from './fuzzSubgraphs.ts';
import { fuzzSubgraphs } from './fuzzSubgraphs.ts';

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** Up to how many milliseconds each subgraph waits before it answers (random, per answer). */
const jitter = { ms: 0 };

/** One fuzz subgraph on a loopback port: graphql-js over its schema, answering after a jitter. */
async function startFuzzSubgraph(subgraph: FuzzSubgraph): Promise<Server> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(subgraph.typeDefs),
    resolvers: subgraph.resolvers as GraphQLResolverMap<unknown>,
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const document = parse(body.query);
      const invalid = validate(schema, document);
      const result: object = invalid.length
        ? { errors: invalid.map((error) => error.toJSON()) }
        : await execute({
            schema,
            document,
            variableValues: body.variables,
            operationName: body.operationName,
            contextValue: { viewerId: viewerOf(request.headers.authorization) } as FuzzContext,
          });
      const representations = (body.variables?.['representations'] ?? []) as Representation[];
      const raw = subgraph.misbehave?.(representations, result) ?? {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(result),
      };
      // With a jitter, answers come back in another order than the calls, and overlap more.
      setTimeout(
        () =>
          response
            .writeHead(raw.status, {
              'content-type': raw.contentType,
              'content-length': Buffer.byteLength(raw.body),
            })
            .end(raw.body),
        Math.floor(Math.random() * (jitter.ms + 1)),
      );
    });
  });
  return listen(server);
}

function listen(server: ReturnType<typeof createServer>): Promise<Server> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/** The token's subject, read without verifying it (the gateway has verified it). */
function viewerOf(authorization: string | undefined): string | null {
  const payload = authorization?.split(' ')[1]?.split('.')[1];
  if (!payload) return null;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string }).sub;
}

export interface FuzzSupergraph {
  subgraphs: Server[];
  supergraphSdl: string;
  /** Sets the most a subgraph waits before answering (0: at once). */
  setJitter(ms: number): void;
}

export async function startFuzzSupergraph(): Promise<FuzzSupergraph> {
  const subgraphs = await Promise.all(fuzzSubgraphs.map(startFuzzSubgraph));
  const composed = composeServices(
    fuzzSubgraphs.map((subgraph, index) => ({
      name: subgraph.name,
      typeDefs: parse(subgraph.typeDefs),
      url: subgraphs[index]!.url,
    })),
  );
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  return {
    subgraphs,
    supergraphSdl: composed.supergraphSdl,
    setJitter: (ms) => (jitter.ms = ms),
  };
}

/** Signs access tokens as the users subgraph does, and serves their JWKS. */
export async function startTokenIssuer(): Promise<
  Server & { tokenFor(userId: string): Promise<string> }
> {
  const { publicKey, privateKey } = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fuzz', alg: JWT_ALGORITHM, use: 'sig' };
  const server = await listen(
    createServer((_, response) =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] })),
    ),
  );
  return {
    ...server,
    tokenFor: (userId) =>
      new SignJWT({ role: 'USER' })
        .setProtectedHeader({ alg: JWT_ALGORITHM, kid: 'fuzz' })
        .setSubject(userId)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
  };
}

/**
 * Delivers subgraph answers in the order the calls were made, one at a time, each once
 * the previous one has been taken in (its promise continuations, which merge it and start
 * the calls it enables, have run), whatever the subgraphs' timing. So plain
 * @apollo/gateway reports errors in one order, the order CineGraph's executor always
 * uses (planExecutor.ts, `Arrival`), and merges answers in one order.
 */
function inCallOrder() {
  const pending: { arrived: boolean; deliver: () => void }[] = [];
  let busy = false;
  function next() {
    if (busy || !pending[0]?.arrived) return;
    busy = true;
    pending.shift()!.deliver();
    setImmediate(() => {
      busy = false;
      next();
    });
  }
  return async <T>(answer: Promise<T>): Promise<T> => {
    const entry = { arrived: false, deliver: () => {} };
    const delivered = new Promise<void>((resolve) => (entry.deliver = resolve));
    pending.push(entry);
    const settled = await answer.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    entry.arrived = true;
    next();
    await delivered;
    if ('error' in settled) throw settled.error;
    return settled.value;
  };
}

/**
 * The reference's gateway, planning as CineGraph plans where @apollo/query-planner is wrong:
 * the same stand-ins for required fields with arguments, and the same rewritten plans
 * (requiredArguments.ts), which @apollo/gateway's executor then runs. So the fuzzer compares
 * two executors on one plan, renames and split entity calls included, where comparing
 * with Apollo's own plans would only show the planner's known wrong answers again.
 */
function withCineGraphPlans(gateway: ApolloGateway, supergraphSdl: string): ApolloGateway {
  const { supergraph, plan } = createQueryPlanning(supergraphSdl);
  gateway.onSchemaLoadOrUpdate(() => {
    // @apollo/gateway has just built its own planner on the supergraph: replace it.
    (gateway as unknown as { queryPlanner: Pick<QueryPlanner, 'buildQueryPlan'> }).queryPlanner = {
      buildQueryPlan: (operation) =>
        plan(operationFromDocument(supergraph.apiSchema(), parse(operation.toString()))),
    };
  });
  return gateway;
}

interface ReferenceContext {
  authorization?: string;
}

/**
 * The reference: plain @apollo/gateway on Apollo Server, with its own data sources
 * (RemoteGraphQLDataSource, forwarding the caller's Authorization header) whose answers
 * are delivered in call order (`inCallOrder`), and the same
 * formatting of errors as CineGraph's services (a subgraph's HTTP error is told as the
 * gateway tells it, SubgraphFailure). It runs one operation at a time.
 *
 * One known @apollo/gateway bug is corrected, as CineGraph's executor corrects it
 * (planExecutor.ts, `deepMerge`): @apollo/query-planner may ask an `@interfaceObject`
 * subgraph for `__typename`, which answers with the interface's name, and
 * @apollo/gateway then types the entity as the interface (the client's fragments on its
 * object type select nothing, and the answer depends on which fetch lands last). Here such
 * a `__typename` is dropped from the `_entities` answer, so the entity keeps its own type.
 * `corrected()` counts the answers that needed it.
 *
 * And one difference on purpose, where CineGraph keeps to the spec: the errors response
 * shaping finds, which @apollo/gateway puts in `extensions.valueCompletion`, are moved to
 * `errors` as CineGraph reports them (support/apolloReference.ts). `normalised()` counts
 * the answers moved. Where a fetch failed @apollo/gateway drops them instead; the
 * comparison deals with that (differentialFuzz.ts).
 */
export async function startReferenceGateway(
  supergraphSdl: string,
): Promise<Server & { corrected(): number; normalised(): number }> {
  const deliver = inCallOrder();
  const interfaces = new Set(
    Object.values(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema().getTypeMap())
      .filter(isAbstractType)
      .map((type) => type.name),
  );
  let corrected = 0;
  let normalised = 0;
  class InCallOrder extends RemoteGraphQLDataSource<ReferenceContext> {
    /** The subgraph's name, set by buildService. */
    declare subgraph: string;
    // What a client is told of a subgraph's HTTP error is CineGraph's policy, not the
    // executor's: the same error as the gateway's data source raises.
    override async errorFromResponse(response: { status: number }) {
      return new SubgraphFailure(this.subgraph, response.status);
    }
    override willSendRequest({
      request,
      context,
    }: Parameters<NonNullable<RemoteGraphQLDataSource<ReferenceContext>['willSendRequest']>>[0]) {
      if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    }
    override process(options: GraphQLDataSourceProcessOptions<ReferenceContext>) {
      return deliver(
        super.process(options).then((response) => {
          const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities;
          if (!Array.isArray(entities)) return response;
          for (const entity of entities as (Record<string, unknown> | null)[])
            if (entity && interfaces.has(entity['__typename'] as string)) {
              delete entity['__typename'];
              corrected++;
            }
          return response;
        }),
      );
    }
  }
  const formatError = createFormatError({ error: () => undefined });
  const server = new ApolloServer<ReferenceContext>({
    gateway: withCineGraphPlans(
      new ApolloGateway({
        supergraphSdl,
        buildService: ({ name, url }) =>
          Object.assign(new InCallOrder({ url }), { subgraph: name }),
      }),
      supergraphSdl,
    ),
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [valueCompletionAsErrors({ formatError, onMoved: () => normalised++ })],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) =>
      req.headers.authorization ? { authorization: req.headers.authorization } : {},
  });
  return {
    url,
    close: () => server.stop(),
    corrected: () => corrected,
    normalised: () => normalised,
  };
}

/**
 * CineGraph's gateway as deployed (createGateway: Fastify, Apollo Server, the plan
 * executor, deduplication on), on the fuzz supergraph. Retries and the circuit breaker are
 * off, since the reference has neither: a subgraph's 500 must read the same on both.
 */
export async function startCineGraphGateway(
  supergraphSdl: string,
  jwksUrl: string,
  options: { dedupeQueries: boolean } = { dedupeQueries: true },
): Promise<Server> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-fuzz-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, supergraphSdl);
  const config = gatewayConfigSchema.parse({
    server: { host: '127.0.0.1', port: 0, logLevel: 'silent' },
    supergraph: { path: supergraphPath },
    auth: { jwksUrl },
    ide: { enabled: false },
    redis: { url: `memory://fuzz-${process.pid}-${Date.now()}` },
    rateLimits: { enabled: false },
    limits: { maxDepth: 100, maxAliases: 10_000, maxRootFields: 100, maxCost: 100_000_000 },
    subgraphs: {
      defaults: { retries: 0, breakerFailures: 1_000_000 },
      dedupeQueries: options.dedupeQueries,
    },
  });
  const { service } = await createGateway({ ...config, file: null });
  const base = await service.listen(0, '127.0.0.1');
  return {
    url: `${base}/graphql`,
    close: async () => {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
