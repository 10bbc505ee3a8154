// `node --import tsx packages/migrator/src/cli.ts <subgraph>...` (the images' migrate job):
// creates each subgraph's database if it is missing and applies the pending migrations in
// prisma/<subgraph>/migrations. Where each database is:
//   - DATABASE_URL, when one subgraph is named;
//   - else POSTGRES_URL (a server, no database) and DATABASE_PREFIX: <server>/<prefix><name>.
import path from 'node:path';
import { databaseUrlFor, ensureDatabase, migrate, redact } from './index.ts';

const root = process.env['MIGRATIONS_ROOT'] ?? path.resolve(import.meta.dirname, '../../../prisma');
const names = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
if (!names.length || names.some((name) => !/^[a-z][a-z0-9-]*$/.test(name))) {
  console.error('usage: cli.ts <subgraph>... (e.g. users movies)');
  process.exit(2);
}

function databaseUrlOf(name: string): string {
  const single = process.env['DATABASE_URL'];
  if (single && names.length === 1) return single;
  const server = process.env['POSTGRES_URL'];
  if (!server)
    throw new Error(
      'Set DATABASE_URL (one subgraph) or POSTGRES_URL (a server, several subgraphs).',
    );
  return databaseUrlFor(server, `${process.env['DATABASE_PREFIX'] ?? ''}${name}`);
}

try {
  for (const name of names) {
    const databaseUrl = databaseUrlOf(name);
    if (await ensureDatabase(databaseUrl)) say(`${name}: created ${redact(databaseUrl)}`);
    const applied = await migrate({
      databaseUrl,
      migrationsDir: path.join(root, name, 'migrations'),
      log: (message) => say(`${name}: ${message}`),
    });
    say(`${name}: up to date (${applied.length} applied now)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
