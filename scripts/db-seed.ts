// `npm run db:seed`: loads the demo data into every subgraph's database (idempotent:
// re-running adds only what is missing, such as showtimes for newly reached days).
import { databaseUrlOf, migrateSubgraph, seedSubgraph, subgraphs } from '@cinegraph/stack';
import { loadSupervisorConfig } from './supervisorConfig.ts';

const config = loadSupervisorConfig(process.env);
for (const subgraph of subgraphs) {
  const databaseUrl = databaseUrlOf(config.POSTGRES_URL, config.DATABASE_PREFIX, subgraph.name);
  await migrateSubgraph(subgraph, databaseUrl, console.log);
  await seedSubgraph(subgraph, databaseUrl, console.log);
}
