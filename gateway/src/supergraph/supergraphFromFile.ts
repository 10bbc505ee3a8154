import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { watch } from 'chokidar';
import type { Logger } from 'pino';

/**
 * Serves the supergraph SDL from a file and reloads it when the file changes. A new
 * supergraph replaces the old one atomically (requests in flight finish on the plan they
 * started with); one that does not load is refused, logged, and the previous one keeps
 * serving. `onLoad` sees each new supergraph that took effect (the caller has the first).
 */
export function supergraphFromFile(
  file: string,
  initialSdl: string,
  logger: Logger,
  onLoad: (sdl: string) => void,
): SupergraphSdlHook {
  const log = logger.child({ component: 'supergraph' });
  return async ({ update }) => {
    let current = initialSdl;
    const watcher = watch(file, {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
    });
    watcher.on('all', async (event) => {
      if (event !== 'add' && event !== 'change') return;
      let next: string;
      try {
        next = await readFile(file, 'utf8');
      } catch (error) {
        log.error(
          { err: error, file },
          'cannot read the changed supergraph; keeping the current one',
        );
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        onLoad(next);
        log.info({ file }, 'supergraph reloaded');
      } catch (error) {
        log.error(
          { err: error, file },
          'the changed supergraph does not load; the current one keeps serving',
        );
      }
    });
    watcher.on('error', (error) => log.warn({ err: error }, 'cannot watch the supergraph'));
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    return { supergraphSdl: initialSdl, cleanup: () => watcher.close() };
  };
}
