export interface Binding {
  queue: string;
  pattern: string;
  matches: (routingKey: string) => boolean;
}

/**
 * A named exchange of the in-process bus and its bindings. A topic exchange matches
 * patterns word by word (`*` one word, `#` any number); any other type matches the routing
 * key exactly.
 */
export class MemoryExchange {
  bindings: Binding[] = [];

  constructor(
    readonly name: string,
    readonly type: string,
    readonly durable: boolean,
  ) {}

  /** Binds the queue with the pattern; false when it is bound with it already. */
  bind(queue: string, pattern: string): boolean {
    if (this.bindings.some((b) => b.queue === queue && b.pattern === pattern)) return false;
    const matches =
      this.type === 'topic' ? topicMatcher(pattern) : (key: string) => key === pattern;
    this.bindings.push({ queue, pattern, matches });
    return true;
  }

  unbindQueue(queue: string): void {
    this.bindings = this.bindings.filter((b) => b.queue !== queue);
  }

  /** The queues bound with a pattern the routing key matches, in the order of their bindings. */
  queuesMatching(routingKey: string): string[] {
    return this.bindings.filter((b) => b.matches(routingKey)).map((b) => b.queue);
  }
}

function topicMatcher(pattern: string): (routingKey: string) => boolean {
  const words = pattern.split('.');
  const match = (p: number, keyWords: string[], k: number): boolean => {
    if (p === words.length) return k === keyWords.length;
    const word = words[p]!;
    if (word === '#') {
      for (let skip = k; skip <= keyWords.length; skip++)
        if (match(p + 1, keyWords, skip)) return true;
      return false;
    }
    if (k === keyWords.length) return false;
    return (word === '*' || word === keyWords[k]) && match(p + 1, keyWords, k + 1);
  };
  return (routingKey) => match(0, routingKey.split('.'), 0);
}
