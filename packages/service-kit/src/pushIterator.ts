export interface PushIterator<T> extends AsyncIterableIterator<T> {
  /** Hands a value to the reader (buffered until it asks). Ignored once ended. */
  push(value: T): void;
  /** Ends the stream: the reader gets what is buffered, then `done`. */
  end(): void;
  readonly ended: boolean;
  /** Values pushed and not yet read (a reader that falls behind lets them pile up). */
  readonly backlog: number;
}

/**
 * An async iterator fed by pushes: the bridge from an event source (Redis pub/sub, an
 * upstream stream) to graphql-js and graphql-ws, which pull. `onClose` runs exactly once
 * when the stream ends for any reason (`end()`, or the reader's `return()`/`throw()`),
 * also when the reader never called `next()`, so a listener can never be left behind.
 */
export function createPushIterator<T>(onClose: () => void): PushIterator<T> {
  const buffered: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  const done: IteratorResult<T> = { value: undefined, done: true };
  let ended = false;
  const close = () => {
    if (ended) return;
    ended = true;
    onClose();
  };
  const iterator: PushIterator<T> = {
    push(value) {
      if (ended) return;
      const reader = waiting.shift();
      if (reader) reader({ value, done: false });
      else buffered.push(value);
    },
    end() {
      close();
      for (const reader of waiting.splice(0)) reader(done);
    },
    get ended() {
      return ended;
    },
    get backlog() {
      return buffered.length;
    },
    next() {
      if (buffered.length) return Promise.resolve({ value: buffered.shift()!, done: false });
      if (ended) return Promise.resolve(done);
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      buffered.length = 0;
      iterator.end();
      return Promise.resolve(done);
    },
    async throw(error: unknown) {
      await iterator.return!();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
