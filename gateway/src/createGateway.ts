import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import type { Runnable, Service } from '@cinegraph/service-kit';
import { connectKeyspace } from '@cinegraph/keyspace';
import {
  ConfigError,
  GRAPHQL_PATH,
  createAccessTokenVerifier,
  createLogger,
  createService,
  resolveLogFormat,
} from '@cinegraph/service-kit';
import type { GatewayConfig } from './config.ts';
import type { GatewayContext } from './context.ts';
import { createContext } from './context.ts';
import { createGatewayMetrics } from './gatewayMetrics.ts';
import { createDocumentCache } from './admission/documents.ts';
import { createAdmission } from './admission/admitOperation.ts';
import { NoIntrospection } from './admission/noIntrospection.ts';
import { createSafelistCheck } from './admission/safelist.ts';
import { useAdmission } from './plugins/useAdmission.ts';
import { loadManifests } from './persistedQueries/manifestRegistry.ts';
import { APQ_PREFIX, createPersistedQueryStore } from './persistedQueries/persistedQueryStore.ts';
import { readCostDirectives } from './limits/costDirectives.ts';
import { createClientIdentifier, useClientIdentity } from './plugins/useClientIdentity.ts';
import { MAX_VALIDATION_ERRORS } from './admission/operationLimits.ts';
import { operationLogPlugin } from './plugins/operationLogPlugin.ts';
import { useGraphQLIde } from './plugins/useGraphQLIde.ts';
import { useHttpSecurity } from './plugins/useHttpSecurity.ts';
import { createRateLimit } from './admission/rateLimit.ts';
import { createPersistedQueryBudget } from './admission/persistedQueryBudget.ts';
import { createSubgraphPolicy, settingsFor } from './resilience/subgraphPolicy.ts';
import { SubgraphDataSource } from './subgraphDataSource.ts';
import { withPlanExecution } from './execution/planExecution.ts';
import { startResponseCache } from './caching/startResponseCache.ts';
import { supergraphFromFile } from './supergraph/supergraphFromFile.ts';
import { createFederatedSubscriptions } from './subscriptions/federatedSubscriptions.ts';
import { runOperation, useSubscriptions } from './subscriptions/useSubscriptions.ts';
import { createUpstreamSubscriptions } from './subscriptions/upstreamSubscriptions.ts';
import { viewerDependenceFromHints } from './subscriptions/viewerDependence.ts';

/** Operations whose plan and response shaping are kept ready (an LRU). */
const PREPARED_OPERATIONS = 2_000;

/**
 * The CineGraph router: serves any supergraph SDL through @apollo/gateway's loader and
 * query planner and CineGraph's plan executor (execution/planExecution.ts), with its edge features (client identity, persisted queries and safelists,
 * token verification) as separate modules configured in gateway.yaml.
 */
export async function createGateway(config: GatewayConfig): Promise<Runnable> {
  const supergraphPath = config.supergraph.path;
  const supergraphSdl = await readFile(supergraphPath, 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      throw new ConfigError(
        `supergraph.path (SUPERGRAPH_PATH, --supergraph): cannot read ${supergraphPath} (${error.code ?? error.message})`,
      );
    },
  );
  let costDirectives = readCostDirectives(parse(supergraphSdl));
  const logger = createLogger(
    'gateway',
    config.server.logLevel,
    resolveLogFormat(config.server.logFormat),
  );
  const metrics = createGatewayMetrics();
  const manifests = await loadManifests(config.persistedQueries.manifests, logger, {
    watch: true,
  });
  const keyspace = connectKeyspace(config.redis.url, {
    name: 'gateway',
    keyPrefix: config.redis.keyPrefix,
    logger,
  });

  const routingUrls = new Map<string, string>();
  const dataSources = new Set<SubgraphDataSource>();
  // The current data source of each subgraph (a reloaded supergraph builds new ones).
  const subgraphs = new Map<string, SubgraphDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(supergraphPath, supergraphSdl, logger, (sdl) => {
      costDirectives = readCostDirectives(parse(sdl));
    }),
    buildService({ name, url }) {
      const target = config.supergraph.subgraphUrls[name] ?? url;
      if (!target)
        throw new Error(
          `The supergraph gives subgraph "${name}" no routing URL; set supergraph.subgraphUrls.`,
        );
      routingUrls.set(name, target);
      const dataSource = new SubgraphDataSource({
        name,
        url: target,
        policy: createSubgraphPolicy(name, settingsFor(config, name), metrics.breakerState),
        metrics: metrics.subgraphFetch,
        dedupeQueries: config.subgraphs.dedupeQueries,
        logger,
      });
      dataSources.add(dataSource);
      subgraphs.set(name, dataSource);
      return dataSource;
    },
  });

  const responseCache = await startResponseCache(gateway, config, {
    logger,
    metrics: metrics.responseCache,
    registry: metrics.registry,
  });
  const planExecution = withPlanExecution(gateway, {
    subgraphs,
    maxOperations: PREPARED_OPERATIONS,
    executions: metrics.operationExecutions,
    lookups: metrics.preparedOperationLookups,
    responseCache: responseCache?.cache,
  });
  const authenticate = createAccessTokenVerifier(new URL(config.auth.jwksUrl));
  const upstreams = createUpstreamSubscriptions({
    urls: routingUrls,
    keepAliveMs: config.subscriptions.keepAliveMs,
    streams: metrics.subscriptions.upstreams,
  });
  const subscriptions = createFederatedSubscriptions({
    planning: planExecution.subscriptions,
    upstreams,
    isViewerDependent: viewerDependenceFromHints(planExecution),
    logger,
    maxBacklog: config.subscriptions.maxEventBacklog,
    metrics: metrics.subscriptions,
  });
  const identifyClient = createClientIdentifier(config);
  const { apq } = config.persistedQueries;
  const documents = createDocumentCache(metrics.documentCacheLookups);
  // Apollo Server adds its own rule with introspection off; the chain validates first.
  const validationRules = config.introspection ? [] : [NoIntrospection];
  const admit = createAdmission({
    limits: config.limits,
    rateLimit: createRateLimit({
      limits: config.rateLimits,
      store: keyspace.store,
      rejected: metrics.rateLimited,
      logger,
    }),
    safelist: createSafelistCheck({ config, manifests, violations: metrics.safelistViolations }),
    async persistedText(id, allowApq) {
      const fromManifest = manifests.bodyById(id);
      if (fromManifest !== undefined || !allowApq || !apq.enabled) return fromManifest;
      return (await keyspace.store.get(`${APQ_PREFIX}${id}`)) ?? undefined;
    },
    budget: apq.enabled
      ? createPersistedQueryBudget({ store: keyspace.store, manifests, settings: apq })
      : undefined,
    documents,
    validationRules,
    schema: () => planExecution.subscriptions.apiSchema(),
    costDirectives: () => costDirectives,
    checkSubscription: ({ document, operationName }) =>
      subscriptions
        .check({ document, operationName })
        .map((error) =>
          error.extensions['code']
            ? error
            : new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }),
        ),
  });
  // Queries and mutations that arrive on a socket run through this service's Apollo Server.
  const service: Service<GatewayContext> = await createService<GatewayContext>({
    name: 'gateway',
    instance: config.server.instanceId,
    logger,
    metrics,
    trustProxy: config.server.trustProxy,
    bodyLimit: config.server.bodyLimitBytes,
    otlpEndpoint: config.telemetry.otlpEndpoint,
    apollo: {
      gateway: planExecution,
      introspection: config.introspection,
      csrfPrevention: config.security.csrfPrevention,
      // Documents the admission chain parsed and validated: Apollo Server finds them there.
      documentStore: documents.store,
      parseOptions: { maxTokens: config.limits.maxTokens },
      validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
      allowBatchedHttpRequests: config.server.batching,
      plugins: [operationLogPlugin(logger)],
      persistedQueries: apq.enabled
        ? {
            cache: createPersistedQueryStore({
              store: keyspace.store,
              manifests,
              ttlSeconds: apq.ttlSeconds,
              lookups: metrics.persistedQueryLookups,
            }),
            ttl: apq.ttlSeconds,
          }
        : false,
    },
    authenticate,
    context: createContext,
    async routes(app) {
      await useHttpSecurity(app, config);
      if (config.ide.enabled) await useGraphQLIde(app, GRAPHQL_PATH);
      useClientIdentity(app, identifyClient);
      useAdmission(app, { admit, path: GRAPHQL_PATH, batching: config.server.batching });
      if (config.subscriptions.enabled)
        useSubscriptions(app, {
          path: GRAPHQL_PATH,
          config,
          authenticate,
          identifyClient,
          admit,
          subscriptions,
          runOperation: (payload, context) => runOperation(service, payload, context),
          metrics: metrics.subscriptions,
          logger,
        });
    },
    readiness: {
      keyspace: () => keyspace.ping(),
      subgraphs: async () => {
        const down: string[] = [];
        await Promise.all(
          [...routingUrls].map(async ([name, url]) => {
            const ok = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ __typename }' }),
              signal: AbortSignal.timeout(1_500),
            }).then(
              (response) => response.ok,
              () => false,
            );
            if (!ok) down.push(name);
          }),
        );
        if (down.length) throw new Error(`subgraphs not answering: ${down.join(', ')}`);
      },
    },
    async onClose() {
      await Promise.allSettled([
        upstreams.close(),
        manifests.close(),
        responseCache?.close(),
        keyspace.close(),
        ...[...dataSources].map((dataSource) => dataSource.close()),
      ]);
    },
  });
  service.app.log.info(
    { supergraph: supergraphPath, config: config.file, manifests: manifests.sizes() },
    `supergraph loaded: ${routingUrls.size} subgraphs`,
  );
  // Where each subgraph is reached, for whoever debugs a routing override.
  service.app.log.debug({ subgraphs: Object.fromEntries(routingUrls) }, 'subgraph routing');
  return { service, port: config.server.port, host: config.server.host };
}
