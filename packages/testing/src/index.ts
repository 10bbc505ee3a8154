export { testEnvironment, uniqueId } from './environment.ts';
export { errorCodes, graphqlRequest } from './graphqlRequest.ts';
export type { GraphQLResponse, RequestOptions } from './graphqlRequest.ts';
export { deleteKeys, useRedis } from './useRedis.ts';
export { useTestDatabase } from './useTestDatabase.ts';
export type { TestDatabase } from './useTestDatabase.ts';
export { eventually } from './eventually.ts';
export { counterValue } from './metrics.ts';
export { freePort } from './freePort.ts';
