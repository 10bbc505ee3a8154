import { describe, expect, it } from 'vitest';
import { createMemoryResponseCacheStore } from './memoryResponseCacheStore.ts';

const answer = (clock: number, tags: string[]) => ({ clock, tags, body: '{"data":{}}' });

describe('the in-process response cache store', () => {
  it('serves an entry until a tag of it is purged after the clock it was read at', async () => {
    const store = createMemoryResponseCacheStore({ tagTtlMs: 60_000, maxBytes: 10_000 });
    const { clock } = await store.lookup('k');
    await store.purge(['Movie:1']); // a write lands while the reader executes
    await store.store('k', answer(clock, ['Movie:1']), 60_000);
    expect((await store.lookup('k')).outcome).toBe('stale');
    expect((await store.lookup('k')).outcome).toBe('miss');

    const later = (await store.lookup('k')).clock;
    await store.store('k', answer(later, ['Movie:1', 'Movie:2']), 60_000);
    await store.purge(['Movie:3']);
    expect((await store.lookup('k')).outcome).toBe('hit');
    await store.purge(['Movie:2']);
    expect((await store.lookup('k')).outcome).toBe('stale');
  });

  it('forgets an entry when its time is up', async () => {
    const store = createMemoryResponseCacheStore({ tagTtlMs: 60_000, maxBytes: 10_000 });
    await store.store('k', answer(0, []), 20);
    expect((await store.lookup('k')).outcome).toBe('hit');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect((await store.lookup('k')).outcome).toBe('miss');
  });

  it('retires what a stamp pushed out early would have, and everything on retireAll', async () => {
    const store = createMemoryResponseCacheStore({
      tagTtlMs: 60_000,
      maxBytes: 10_000,
      maxTags: 2,
    });
    await store.store('old', answer(0, ['Movie:1']), 60_000);
    await store.purge(['Movie:1', 'Movie:2', 'Movie:3']); // Movie:1's stamp is pushed out
    expect((await store.lookup('old')).outcome).toBe('stale');

    const { clock } = await store.lookup('new');
    await store.store('new', answer(clock, []), 60_000);
    expect((await store.lookup('new')).outcome).toBe('hit');
    await store.retireAll();
    expect((await store.lookup('new')).outcome).toBe('stale');
  });
});
