// Generates each subgraph's Prisma client from prisma/<subgraph>/schema.prisma
// (or only those named: `node scripts/prisma-generate.mjs users`).
// The schema engine is not needed to generate; pointing it at /bin/false keeps the CLI
// from trying to download one on machines without internet access.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');
const only = process.argv.slice(2);
const generated = [];
for (const name of readdirSync(path.join(root, 'prisma'))) {
  if (only.length && !only.includes(name)) continue;
  const config = path.join(root, 'prisma', name, 'prisma.config.ts');
  if (!existsSync(config)) continue;
  // Prisma's own chatter (which config it loaded, where it wrote) only when it fails.
  const result = spawnSync(prismaBin, ['generate', '--config', config], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(
      `prisma: could not generate the ${name} client (${result.error?.message ?? `exit ${result.status}`})`,
    );
    process.exit(1);
  }
  generated.push(name);
}
console.log(`prisma: generated the clients of ${generated.join(', ')}`);
