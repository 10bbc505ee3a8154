import type { Logger } from 'pino';

/**
 * Runs `step` every `intervalMs` until stopped, again at once while it reports there may
 * be more (a full batch). A failure is logged and retried at the next tick. `stop()`
 * waits for the step in progress.
 */
export function startPollingWorker(options: {
  intervalMs: number;
  logger: Logger;
  /** What the log says when a step fails. */
  failure: string;
  /** One batch; resolves true when there may be more to do now. */
  step: () => Promise<boolean>;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await options.step()));
      } catch (error) {
        options.logger.warn({ err: error }, options.failure);
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    })();
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
