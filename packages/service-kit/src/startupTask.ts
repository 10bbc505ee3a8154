import type { Logger } from 'pino';

export interface StartupTask {
  /** Settles after the first attempt, whether it succeeded or will be retried. */
  readonly firstAttempt: Promise<void>;
  /** Whether an attempt has succeeded. */
  isDone(): boolean;
  stop(): void;
}

/**
 * Runs `run` once at start-up, retrying with exponential backoff (1 s doubling, capped at
 * `maxDelayMs`) until it succeeds or `stop()` is called. For work a process needs done
 * soon but must not die for, such as copying reference data from another service.
 */
export function startStartupTask(options: {
  name: string;
  run: (signal: AbortSignal) => Promise<Record<string, unknown>>;
  logger: Logger;
  maxDelayMs?: number;
}): StartupTask {
  const { name, run, logger } = options;
  const abort = new AbortController();
  let done = false;
  let settleFirst!: () => void;
  const firstAttempt = new Promise<void>((resolve) => (settleFirst = resolve));

  void (async () => {
    for (let failures = 0; !abort.signal.aborted; failures++) {
      try {
        const outcome = await run(abort.signal);
        done = true;
        logger.info({ task: name, ...outcome }, `${name} done`);
        return;
      } catch (error) {
        if (abort.signal.aborted) return;
        logger.warn({ task: name, err: (error as Error).message }, `${name} failed; retrying`);
      } finally {
        settleFirst();
      }
      const delay = Math.min(1_000 * 2 ** failures, options.maxDelayMs ?? 30_000);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  })();

  return { firstAttempt, isDone: () => done, stop: () => abort.abort() };
}

/**
 * A GraphQL query to another service (not on the request path: start-up copies of
 * reference data). Throws on an HTTP error, a GraphQL error or a timeout.
 */
export async function querySubgraph<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { clientName: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<Data> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollographql-client-name': options.clientName,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.any([
      AbortSignal.timeout(options.timeoutMs ?? 10_000),
      ...(options.signal ? [options.signal] : []),
    ]),
  });
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
  if (!response.ok || !body.data || body.errors?.length)
    throw new Error(
      `${url} answered ${response.status}: ${body.errors?.[0]?.message ?? 'no data'}`,
    );
  return body.data;
}
