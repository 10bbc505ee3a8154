import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';
import { repoRoot } from './subgraphs.ts';

/** Where bundles live, beside other tools' caches; named by content, reused while current. */
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'cinegraph', 'bundles');

interface CacheEntry {
  /** Every source file in the bundle, with a digest of its contents. */
  inputs: Record<string, string>;
  bundle: string;
}

/**
 * One ESM file holding an entry's own TypeScript and every workspace package it imports,
 * for `node` to run without tsx's loader (whose per-module round trips to its hooks thread
 * cost about a second of CPU per process start). Dependencies from node_modules stay
 * outside, imported by absolute path exactly where Node would have found them, so each
 * package is loaded once, as without the bundle (one graphql, one @apollo/gateway...).
 * `import.meta.url`, `.dirname` and `.filename` keep naming each source file, so files read
 * beside the sources (schemas, migrations, assets) are found.
 *
 * Reused without running esbuild while none of its source files changed (by content).
 */
export function bundleEntry(entry: string): Promise<string> {
  // Once per entry and process: a stack starts several processes of one entry at once.
  let bundled = bundles.get(entry);
  if (!bundled) {
    bundled = makeBundle(entry);
    bundles.set(entry, bundled);
    bundled.catch(() => bundles.delete(entry));
  }
  return bundled;
}

const bundles = new Map<string, Promise<string>>();

async function makeBundle(entry: string): Promise<string> {
  const absoluteEntry = path.resolve(repoRoot, entry);
  const name = path
    .relative(repoRoot, absoluteEntry)
    .replace(/\.[cm]?ts$/, '')
    .replace(/[/\\]/g, '-');
  const entryFile = path.join(cacheDir, `${name}.json`);
  const cached = await readCacheEntry(entryFile);
  if (cached) return path.join(cacheDir, cached.bundle);

  const result = await build({
    entryPoints: [absoluteEntry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node's own resolution: the CommonJS `main` of dual packages (e.g. graphql), as the
    // externals below get it, and `node` export conditions.
    mainFields: ['main'],
    conditions: ['node'],
    outfile: path.join(cacheDir, `${name}.mjs`),
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [externalDependencies(), sourceFileMeta()],
  });

  const js = result.outputFiles.find((file) => file.path.endsWith('.mjs'))!;
  const map = result.outputFiles.find((file) => file.path.endsWith('.mjs.map'))!;
  const hash = createHash('sha256').update(js.contents).digest('hex').slice(0, 16);
  const bundle = `${name}-${hash}.mjs`;
  await mkdir(cacheDir, { recursive: true });
  await writeAtomically(
    path.join(cacheDir, bundle),
    js.text.replace(`//# sourceMappingURL=${name}.mjs.map`, `//# sourceMappingURL=${bundle}.map`),
  );
  await writeAtomically(path.join(cacheDir, `${bundle}.map`), map.text);
  const inputs: CacheEntry['inputs'] = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(repoRoot, input);
    inputs[file] = await digestOf(file);
  }
  await writeAtomically(entryFile, JSON.stringify({ inputs, bundle } satisfies CacheEntry));
  // Earlier builds of this entry are stale (a process already running one has read it).
  for (const file of await readdir(cacheDir))
    if (file.startsWith(`${name}-`) && !file.startsWith(bundle))
      await rm(path.join(cacheDir, file), { force: true });
  return path.join(cacheDir, bundle);
}

async function readCacheEntry(file: string): Promise<CacheEntry | null> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as CacheEntry;
    await stat(path.join(cacheDir, entry.bundle));
    const digests = await Promise.all(Object.keys(entry.inputs).map(digestOf));
    if (Object.values(entry.inputs).some((digest, i) => digest !== digests[i])) return null;
    return entry;
  } catch {
    return null;
  }
}

/** Contents, not times: a file rewritten within a timestamp's granularity still counts. */
async function digestOf(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('base64url');
}

/** Processes starting side by side may write the same file: each write is whole. */
async function writeAtomically(file: string, contents: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

/** Packages from node_modules stay external, as absolute file URLs of what Node would load. */
function externalDependencies(): Plugin {
  return {
    name: 'cinegraph-external-dependencies',
    setup(bundler) {
      bundler.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'resolving' || args.path.startsWith('node:')) return undefined;
        const resolved = await bundler.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (resolved.errors.length || !resolved.path) return undefined;
        // Workspace packages resolve (through their node_modules symlink) to our sources.
        if (!resolved.path.split(path.sep).includes('node_modules')) return resolved;
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

const IMPORT_META = /\bimport\.meta\.(?:url|dirname|filename)\b/;
const importMeta = (property: string) => new RegExp(String.raw`\bimport\.meta\.${property}\b`, 'g');

/** `import.meta.url`/`dirname`/`filename` of each source file, as if it ran unbundled. */
function sourceFileMeta(): Plugin {
  return {
    name: 'cinegraph-source-file-meta',
    setup(bundler) {
      bundler.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!IMPORT_META.test(source)) return undefined;
        // Patterns, not literal text: this file is bundled too (scripts/start.ts imports it),
        // and must not rewrite its own strings.
        const contents = source
          .replace(importMeta('url'), JSON.stringify(pathToFileURL(args.path).href))
          .replace(importMeta('dirname'), JSON.stringify(path.dirname(args.path)))
          .replace(importMeta('filename'), JSON.stringify(args.path));
        const loader = (path.extname(args.path).slice(1).replace(/^[cm]/, '') || 'ts') as 'ts';
        return { contents, loader };
      });
    },
  };
}
