import { readFile } from 'node:fs/promises';
import { watch } from 'chokidar';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConfigError } from '@cinegraph/service-kit';

/** Apollo's persisted query manifest (what @apollo/generate-persisted-query-manifest writes). */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

interface LoadedManifest {
  bodyById: Map<string, string>;
  bodies: Set<string>;
}

export interface ManifestRegistry {
  /** The body of the operation with this id, from whichever manifest holds it. */
  bodyById(id: string): string | undefined;
  /** Whether one of these manifests holds an operation with this id, or this exact body. */
  allows(manifests: readonly string[], operation: { id?: string; body?: string }): boolean;
  /** Operations per manifest, for logs and tests. */
  sizes(): Record<string, number>;
  close(): Promise<void>;
}

async function readManifest(file: string): Promise<LoadedManifest> {
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return {
    bodyById: new Map(parsed.data.operations.map((operation) => [operation.id, operation.body])),
    bodies: new Set(parsed.data.operations.map((operation) => operation.body)),
  };
}

/**
 * Loads the configured manifests (a bad one stops the start) and, when `watch` is on,
 * reloads each when its file changes: a manifest that no longer parses is refused and
 * the previous version keeps serving.
 */
export async function loadManifests(
  files: Record<string, string>,
  logger: Logger,
  options: { watch: boolean },
): Promise<ManifestRegistry> {
  const log = logger.child({ component: 'persisted-query-manifests' });
  const manifests = new Map<string, LoadedManifest>();
  for (const [name, file] of Object.entries(files)) {
    try {
      manifests.set(name, await readManifest(file));
    } catch (error) {
      throw new ConfigError(
        `persistedQueries.manifests.${name}: cannot load ${file}: ${(error as Error).message}`,
      );
    }
  }

  const byFile = new Map(Object.entries(files).map(([name, file]) => [file, name]));
  const watcher =
    options.watch && byFile.size
      ? watch([...byFile.keys()], {
          ignoreInitial: true,
          awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
        })
      : null;
  watcher?.on('all', (event, file) => {
    const name = byFile.get(file);
    if (!name || (event !== 'add' && event !== 'change')) return;
    readManifest(file).then(
      (loaded) => {
        manifests.set(name, loaded);
        log.info({ manifest: name, operations: loaded.bodyById.size }, 'manifest reloaded');
      },
      (error: Error) =>
        log.error(
          { manifest: name, file, err: error },
          'the changed manifest is invalid; the previous one keeps serving',
        ),
    );
  });
  watcher?.on('error', (error) => log.warn({ err: error }, 'cannot watch the manifests'));
  if (watcher) await new Promise<void>((resolve) => watcher.once('ready', resolve));

  return {
    bodyById(id) {
      for (const manifest of manifests.values()) {
        const body = manifest.bodyById.get(id);
        if (body !== undefined) return body;
      }
      return undefined;
    },
    allows(names, { id, body }) {
      return names.some((name) => {
        const manifest = manifests.get(name);
        if (!manifest) return false;
        return (
          (id !== undefined && manifest.bodyById.has(id)) ||
          (body !== undefined && manifest.bodies.has(body))
        );
      });
    },
    sizes() {
      return Object.fromEntries(
        [...manifests].map(([name, loaded]) => [name, loaded.bodyById.size]),
      );
    },
    async close() {
      await watcher?.close();
    },
  };
}
