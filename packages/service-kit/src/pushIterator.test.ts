import { describe, expect, it } from 'vitest';
import { createPushIterator } from './pushIterator.ts';

describe('createPushIterator', () => {
  it('hands pushed values to the reader in order, buffered or awaited', async () => {
    const stream = createPushIterator<number>(() => {});
    stream.push(1);
    expect(stream.backlog).toBe(1);
    const pending = [stream.next(), stream.next()];
    stream.push(2);
    expect(await Promise.all(pending)).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
    ]);
    expect(stream.backlog).toBe(0);
  });

  it('ends after what is buffered and closes once', async () => {
    let closed = 0;
    const stream = createPushIterator<string>(() => closed++);
    stream.push('a');
    stream.end();
    stream.end();
    stream.push('ignored');
    expect(await stream.next()).toEqual({ value: 'a', done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('closes when the reader returns, also before it ever read, and wakes waiting reads', async () => {
    let closed = 0;
    const unread = createPushIterator<number>(() => closed++);
    await unread.return!();
    expect(closed).toBe(1);

    const read = createPushIterator<number>(() => closed++);
    const waiting = read.next();
    await read.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(closed).toBe(2);
    await expect(read.throw!(new Error('boom'))).rejects.toThrow('boom');
    expect(closed).toBe(2);
  });
});
