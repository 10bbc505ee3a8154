import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatePersistedQueryManifest } from '@apollo/generate-persisted-query-manifest';

const webDir = path.resolve(import.meta.dirname, '..');
const manifestConfigPath = path.join(webDir, 'persisted-query-manifest.config.json');
export const webManifestPath = path.join(webDir, 'persisted-query-manifest.json');
const stampPath = path.join(webDir, 'dist', '.build-inputs');

/** Everything a build reads: a different digest means the built app is stale. */
async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
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
  const cwd = process.cwd();
  process.chdir(webDir); // the generator resolves document globs against the working folder
  try {
    const manifest = await generatePersistedQueryManifest(config, manifestConfigPath);
    return `${JSON.stringify(manifest, null, 2)}\n`;
  } finally {
    process.chdir(cwd);
  }
}

export async function webBuildIsCurrent(): Promise<boolean> {
  const stamp = await readFile(stampPath, 'utf8').catch(() => '');
  return stamp === (await inputsDigest());
}

/**
 * Writes the persisted query manifest, then builds the app with Vite into web/dist (which
 * bundles that manifest: the app sends ids only). Skipped when nothing changed since the
 * last build, unless forced.
 */
export async function buildWeb(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  if (!options.force && (await webBuildIsCurrent())) return false;
  const manifest = await generateWebManifest();
  if ((await readFile(webManifestPath, 'utf8').catch(() => '')) !== manifest)
    await writeFile(webManifestPath, manifest);
  const digest = await inputsDigest();
  const { build } = await import('vite');
  await build({ root: webDir, configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stampPath, digest);
  options.log?.('built the web app (web/dist)');
  return true;
}
