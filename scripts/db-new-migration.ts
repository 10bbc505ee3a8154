// `npm run db:migration -- <subgraph> <name>`: writes the SQL that takes the committed
// migrations to the current prisma/<subgraph>/schema.prisma, as a new Prisma Migrate
// folder. Uses Prisma's own differ (tools/prisma-migrate) with a throwaway shadow database.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrlFor } from '@cinegraph/migrator';
import { repoRoot, subgraphs } from '@cinegraph/stack';
import { loadSupervisorConfig } from './supervisorConfig.ts';

const [name, label] = process.argv.slice(2);
const subgraph = subgraphs.find((s) => s.name === name);
if (!subgraph || !label || !/^[a-z0-9_]+$/.test(label)) {
  console.error(
    `usage: npm run db:migration -- <${subgraphs.map((s) => s.name).join('|')}> <snake_case_name>`,
  );
  process.exit(64);
}

const config = loadSupervisorConfig(process.env);
const sql = execFileSync(
  process.execPath,
  [
    path.join(repoRoot, 'tools/prisma-migrate/bin/p6.mjs'),
    'incremental',
    path.join(repoRoot, 'prisma', subgraph.name, 'schema.prisma'),
    subgraph.migrationsDir,
  ],
  {
    env: { ...process.env, DATABASE_URL: databaseUrlFor(config.POSTGRES_URL, 'postgres') },
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((line) => !line.startsWith('Loaded Prisma config'))
  .join('\n')
  .trim();

if (!sql || sql === '-- This is an empty migration.') {
  console.log(`${subgraph.name}: schema.prisma and the migrations agree; nothing to write.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(subgraph.migrationsDir, `${stamp}_${label}`);
mkdirSync(dir);
writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
console.log(
  `Wrote ${path.relative(repoRoot, dir)}/migration.sql; read it, then commit it with the schema change.`,
);
