import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '..');
const manifestConfigPath = path.join(webDir, 'persisted-query-manifest.config.json');
export const webManifestPath = path.join(webDir, 'persisted-query-manifest.json');
const stampPath = path.join(webDir, 'dist', '.build-inputs');

/** Everything a build reads: a different digest means the built app is stale. */
async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  // How the build is made, beside what it is made from: bump when the recipe changes.
  hash.update('recipe 2\0');
  const files = [
    'index.html',
    'vite.config.ts',
    'package.json',
    'persisted-query-manifest.config.json',
    '../package-lock.json',
  ];
  for (const dir of ['src', 'public'])
    for (const entry of await readdir(path.join(webDir, dir), {
      recursive: true,
      withFileTypes: true,
    }))
      if (entry.isFile())
        files.push(path.relative(webDir, path.join(entry.parentPath, entry.name)));
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(webDir, file)));
  }
  return hash.digest('hex');
}

/** The manifest of the app's operations (Apollo's format), as the gateway's safelist reads it. */
export async function generateWebManifest(): Promise<string> {
  const config = JSON.parse(await readFile(manifestConfigPath, 'utf8')) as { documents: string[] };
  // Globs made absolute: the generator would resolve them against the working folder.
  const documents = config.documents.map((glob) => path.join(webDir, glob));
  // Loaded when needed: the generator pulls in GraphQL Tools, and this module is imported
  // by everything that serves the app.
  const { generatePersistedQueryManifest } =
    await import('@apollo/generate-persisted-query-manifest');
  const manifest = await generatePersistedQueryManifest(
    { ...config, documents },
    manifestConfigPath,
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Writes the persisted query manifest, then builds the app with Vite into web/dist (which
 * bundles that manifest: the app sends ids only). Skipped when nothing changed since the
 * last build, unless forced.
 */
export async function buildWeb(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  // One digest of the inputs: compared with the last build's, then recorded for this one.
  const digest = await inputsDigest();
  if (!options.force && (await readFile(stampPath, 'utf8').catch(() => '')) === digest)
    return false;
  const manifest = await generateWebManifest();
  if ((await readFile(webManifestPath, 'utf8').catch(() => '')) !== manifest)
    await writeFile(webManifestPath, manifest);
  const { build } = await import('vite');
  await build({ root: webDir, configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stampPath, digest);
  options.log?.('built the web app (web/dist)');
  return true;
}

/**
 * `buildWeb()` in a child process (`web/scripts/build.ts --if-stale`): Vite's build sets
 * process-wide state (NODE_ENV, among others) that must not leak into services running in
 * the caller's process, as they do in embedded mode. Resolves once dist/ is current.
 */
export function buildWebInChildProcess(log: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(webDir, 'scripts', 'build.ts'), '--if-stale'],
      { cwd: webDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the web build failed (exit ${code}): ${errors.trim().slice(-2000)}`)),
    );
  });
}
