// `npm run db:migrate`: creates each subgraph's database if missing and applies pending migrations.
import { databaseUrlOf, migrateSubgraph, subgraphs } from '@cinegraph/stack';
import { loadSupervisorConfig } from './supervisorConfig.ts';

const config = loadSupervisorConfig(process.env);
for (const subgraph of subgraphs) {
  const databaseUrl = databaseUrlOf(config.POSTGRES_URL, config.DATABASE_PREFIX, subgraph.name);
  await migrateSubgraph(subgraph, databaseUrl, console.log);
  console.log(`${subgraph.name}: up to date`);
}
