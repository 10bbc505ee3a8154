import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@cinegraph/stack';

/** bench:gateway's copy of Hive Gateway (its own package-lock.json), shared by both benches. */
const hiveDir = path.join(repoRoot, 'bench/gateway/hive');
export const hiveGatewayBin = path.join(hiveDir, 'node_modules/.bin/hive-gateway');

/** Installs Hive Gateway on first use, as bench:gateway does (about 500 MB: not in the project's install). */
export async function ensureHiveGateway(): Promise<void> {
  if (existsSync(hiveGatewayBin)) return;
  console.log('bench:supergraph: installing Hive Gateway into bench/gateway/hive (npm ci, once)');
  await new Promise<void>((resolve, reject) =>
    spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: hiveDir, stdio: 'inherit' })
      .once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ci exited ${code}`))))
      .once('error', reject),
  );
}

/**
 * Hive Gateway's configuration for this bench: its defaults, plus the caller's
 * Authorization header forwarded to the subgraphs (propagateHeaders), which it does not
 * do by default. Written as plain ESM so the CLI loads it without a TypeScript step.
 */
export async function writeHiveConfig(dir: string): Promise<string> {
  const file = path.join(dir, 'gateway.config.mjs');
  await writeFile(
    file,
    `export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
};
`,
  );
  return file;
}

/** The installed Hive Gateway's version. */
export async function hiveGatewayVersion(): Promise<string> {
  const manifest = path.join(hiveDir, 'node_modules/@graphql-hive/gateway/package.json');
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}
