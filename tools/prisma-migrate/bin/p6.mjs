#!/usr/bin/env node
// Thin wrapper: make the Prisma-6 copy of a Prisma 7 schema, then run the
// Prisma 6.19.3 CLI (WASM schema engine via prisma.config.ts) on it.
//
//   node bin/p6.mjs initial     <schema>                  > migration.sql
//   node bin/p6.mjs incremental <schema> <migrationsDir>  > migration.sql   (shadow DB)
//   node bin/p6.mjs check       <schema> <migrationsDir>  # exit 0 = in sync, 2 = drift
//   node bin/p6.mjs check-live  <schema>                  # live DB (DATABASE_URL) vs schema: 0 / 2
//   node bin/p6.mjs deploy      <schema> <migrationsDir>
//   node bin/p6.mjs status      <schema> <migrationsDir>
//   node bin/p6.mjs raw         <schema> [migrationsDir|-] -- <prisma args...>
//
// Env: DATABASE_URL=postgresql://user:pass@host:port/db[?schema=public]
// (role needs CREATEDB for commands that use a shadow database).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeP6Schema } from './make-p6-schema.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const toolDir = path.resolve(here, '..');
const prismaCli = path.join(toolDir, 'node_modules/prisma/build/index.js');
const [cmd, schemaArg, migArg, ...rest] = process.argv.slice(2);

function usage() {
  console.error(
    fs
      .readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 14)
      .join('\n'),
  );
  process.exit(64);
}
if (!cmd || !schemaArg) usage();
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL must be set (also used for the shadow database server)');
  process.exit(64);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'p6-'));
const schema = makeP6Schema(schemaArg, path.join(work, 'schema'));
const migrations = migArg && migArg !== '-' && migArg !== '--' ? path.resolve(migArg) : undefined;
if (migrations && !fs.existsSync(path.join(migrations, 'migration_lock.toml')))
  console.error(
    `warning: ${migrations}/migration_lock.toml missing (must contain provider = "postgresql")`,
  );

function prisma(args, opts = {}) {
  const env = {
    ...process.env,
    P6_SCHEMA: schema,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    // "client" = query compiler: stops the CLI from downloading libquery_engine at startup
    PRISMA_CLIENT_ENGINE_TYPE: 'client',
  };
  if (migrations) env.P6_MIGRATIONS_DIR = migrations;
  return spawnSync(
    process.execPath,
    [prismaCli, ...args, '--config', path.join(toolDir, 'prisma.config.ts')],
    {
      cwd: toolDir,
      env,
      stdio: opts.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
      encoding: 'utf8',
    },
  );
}
const need = (v, what) => v || (console.error(`missing ${what}`), process.exit(64));

let r;
switch (cmd) {
  case 'initial':
    r = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script']);
    break;
  case 'incremental':
    r = prisma([
      'migrate',
      'diff',
      '--from-migrations',
      need(migrations, '<migrationsDir>'),
      '--to-schema-datamodel',
      schema,
      '--script',
    ]);
    break;
  case 'check':
    r = prisma([
      'migrate',
      'diff',
      '--from-migrations',
      need(migrations, '<migrationsDir>'),
      '--to-schema-datamodel',
      schema,
      '--exit-code',
    ]);
    break;
  case 'check-live': {
    // engine "js" forbids --from-url/--from-schema-datasource, so: introspect the
    // live DB through the adapter (db pull --print) and diff datamodel vs datamodel.
    const pulled = prisma(['db', 'pull', '--print', '--schema', schema], { capture: true });
    if (pulled.status !== 0) {
      r = pulled;
      break;
    }
    const live = path.join(work, 'live.prisma');
    // Prisma 6 prints an "url is ignored with a driver adapter" WARNING on stdout first.
    const text = pulled.stdout.slice(
      Math.max(0, pulled.stdout.search(/^(generator|datasource)\s/m)),
    );
    fs.writeFileSync(live, text);
    if (process.env.P6_KEEP_LIVE) fs.copyFileSync(live, process.env.P6_KEEP_LIVE);
    r = prisma([
      'migrate',
      'diff',
      '--from-schema-datamodel',
      live,
      '--to-schema-datamodel',
      schema,
      '--exit-code',
    ]);
    break;
  }
  case 'deploy':
    r = prisma(['migrate', 'deploy']);
    break;
  case 'status':
    r = prisma(['migrate', 'status']);
    break;
  case 'raw': {
    const i = process.argv.indexOf('--');
    r = prisma(i >= 0 ? process.argv.slice(i + 1) : rest);
    break;
  }
  default:
    usage();
}
fs.rmSync(work, { recursive: true, force: true });
process.exit(r.status ?? 1);
