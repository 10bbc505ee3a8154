export type SleepKind = 'poll' | 'backoff';

export interface Sleeper {
  /** Waits `ms`, or less when woken (see wake and interrupt). */
  sleep(ms: number, kind: SleepKind): Promise<void>;
  /**
   * There is new work: ends a poll wait (or makes the next one return at once). A backoff
   * wait keeps going, so a stream of new work cannot turn a failing loop hot.
   */
  wake(): void;
  /** Ends any wait: the dependency is back, or the loop is stopping. */
  interrupt(): void;
  /** Call at the top of each round: forgets wakes that round will see anyway. */
  clear(): void;
}

/** The wait between rounds of a worker loop (the outbox relay, a delivery worker). */
export function createSleeper(): Sleeper {
  let pendingWake = false;
  let interrupted = false;
  let sleeping: { kind: SleepKind; end: () => void } | undefined;
  return {
    sleep(ms, kind) {
      return new Promise<void>((resolve) => {
        if (interrupted || (kind === 'poll' && pendingWake)) {
          interrupted = false;
          return resolve();
        }
        const end = () => {
          clearTimeout(timer);
          sleeping = undefined;
          resolve();
        };
        const timer = setTimeout(end, ms);
        sleeping = { kind, end };
      });
    },
    wake() {
      pendingWake = true;
      if (sleeping?.kind === 'poll') sleeping.end();
    },
    interrupt() {
      pendingWake = true;
      if (sleeping) sleeping.end();
      else interrupted = true;
    },
    clear() {
      pendingWake = false;
    },
  };
}
