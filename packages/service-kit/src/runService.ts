import closeWithGrace from 'close-with-grace';
import { ConfigError } from './config.ts';
import type { Service } from './createService.ts';
import { createLogger } from './logger.ts';
import { resolveLogFormat } from './prettyLogs.ts';

export interface Runnable {
  /** The process's service (its GraphQL context type aside). */
  service: Omit<Service, 'apollo'>;
  port: number;
  host: string;
}

/** Drain and close within this, or exit anyway (close-with-grace's delay). */
const CLOSE_DELAY_MS = 10_000;

/**
 * The body of every process's `main`: build, listen, print where, and on SIGTERM/SIGINT/
 * SIGHUP drain and close (a second signal, or 10 s, forces the exit).
 *
 * A process spawned with an IPC channel (by `npm start`, see stack/src/spawnProcess.ts)
 * closes the same way when the channel does: the kernel closes it whenever the parent goes,
 * even by SIGKILL, so nothing outlives its supervisor.
 *
 * A configuration error stops the process with its message and exit code 1; any other
 * failure to start is one `fatal` log entry ("could not start", with the error) and exit
 * code 1, which the supervisor turns into a sentence.
 */
export async function runService(build: () => Promise<Runnable>): Promise<void> {
  const parent = watchParentChannel();
  let runnable: Runnable;
  try {
    runnable = await build();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    // The service's own logger may not exist yet: a bare one says what failed.
    createLogger('', 'fatal', resolveLogFormat('auto')).fatal({ err: error }, 'could not start');
    process.exit(1);
  }
  const { service, port, host } = runnable;
  const log = service.app.log;
  const closer = closeWithGrace({ delay: CLOSE_DELAY_MS }, async ({ signal, err, manual }) => {
    if (err) log.error({ err }, 'fatal error, shutting down');
    else if (!manual) log.info({ signal }, 'shutting down');
    await service.close();
  });
  parent.whenGone(() => {
    log.warn('the process that started this one is gone: shutting down');
    void closer.close();
  });
  if (parent.isGone()) return;

  try {
    await service.listen(port, host);
  } catch (error) {
    closer.uninstall();
    log.fatal({ err: error, port, host }, 'could not start');
    await service.close().catch(() => {});
    process.exit(1);
  }
}

/** The IPC channel from the parent, if this process has one: its close is the parent's end. */
function watchParentChannel() {
  let gone = false;
  let onGone: (() => void) | undefined;
  if (process.connected)
    process.once('disconnect', () => {
      gone = true;
      onGone?.();
    });
  return {
    isGone: () => gone,
    /** Runs `then` when the parent goes, or now if it already has. */
    whenGone(then: () => void) {
      if (gone) then();
      else onGone = then;
    },
  };
}
