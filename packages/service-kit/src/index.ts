export { ConfigError, env, loadConfig, subgraphEnv } from './config.ts';
export {
  decodeCursor,
  decodeTimeCursor,
  encodeCursor,
  invalidCursor,
  MAX_PAGE_SIZE,
  olderThan,
  pageSize,
  toConnection,
} from './connections.ts';
export type { Connection, CountedConnection, PageInfo } from './connections.ts';
export { createService, GRAPHQL_PATH, replyWithError } from './createService.ts';
export type { ReadinessCheck, Service, ServiceOptions } from './createService.ts';
export { createSubgraphService } from './createSubgraphService.ts';
export type { SubgraphParts, SubgraphServiceOptions } from './createSubgraphService.ts';
export { isMissingRow, isUniqueViolation, mapDatabaseError } from './databaseErrors.ts';
export { createFormatError } from './formatError.ts';
export { authorizationOf, isUpgradeFor, refuseUpgrade } from './graphqlWebSocket.ts';
export { createGroupLoader, createLoader } from './dataloaders.ts';
export {
  badInput,
  conflict,
  createError,
  errorCodes,
  forbidden,
  isErrorCode,
  notFound,
  unauthenticated,
} from './errorCodes.ts';
export type { ErrorCode, ErrorCodeEntry } from './errorCodes.ts';
export { assertUuid, isUuid } from './ids.ts';
export {
  createAccessTokenVerifier,
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  roles,
} from './jwt.ts';
export type { AccessTokenVerifier, Role, Viewer } from './jwt.ts';
export { createLogger, REQUEST_ID_HEADER, requestIdOf } from './logger.ts';
export { createMetrics } from './metrics.ts';
export {
  createLinePrettifier,
  prettyLogOptions,
  resolveLogFormat,
  serviceLabel,
} from './prettyLogs.ts';
export type { LogFormat, LogFormatSetting } from './prettyLogs.ts';
export type { Metrics } from './metrics.ts';
export { createPrismaClient } from './prisma.ts';
export { createPushIterator } from './pushIterator.ts';
export type { PushIterator } from './pushIterator.ts';
export { createReadThroughCache } from './readThroughCache.ts';
export type { ReadThroughCache, ReadThroughCacheOptions } from './readThroughCache.ts';
export { runService } from './runService.ts';
export type { Runnable } from './runService.ts';
export { loadSubgraphSchema } from './subgraphSchema.ts';
export { querySubgraph, startStartupTask } from './startupTask.ts';
export type { StartupTask } from './startupTask.ts';
export { requireAdmin, requireSelfOrAdmin, requireViewer } from './access.ts';
export { activeTraceparent, startTracing, useRequestSpans } from './tracing.ts';
export type { Tracing } from './tracing.ts';
export { withTimeout } from './withTimeout.ts';
export { createWorkerLease } from './workerLease.ts';
export type { LeaseDatabase, WorkerLease } from './workerLease.ts';
