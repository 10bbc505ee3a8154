export { databaseUrlOf, migrateSubgraph, seedSubgraph } from './databases.ts';
export type { Log } from './databases.ts';
export { spawnProcess } from './spawnProcess.ts';
export type { RunningProcess, SpawnOptions } from './spawnProcess.ts';
export { startStack } from './startStack.ts';
export type { Stack, StackOptions } from './startStack.ts';
export { gateway, repoRoot, subgraphs } from './subgraphs.ts';
export type { SubgraphDefinition } from './subgraphs.ts';
export { deleteStackResources } from './stackResources.ts';
