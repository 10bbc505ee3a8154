import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  decodeTimeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from './connections.ts';

describe('pageSize', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, 101, -5, 2.5])('refuses %s with BAD_USER_INPUT', (first) => {
    expect(() => pageSize(first)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }),
    );
  });
});

describe('cursors', () => {
  it('round-trip a keyset position', () => {
    const cursor = encodeCursor(['2026-01-01', 'abc']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-01-01', 'abc']);
  });

  it.each([
    'not base64 json',
    encodeCursor(['only one']),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('refuse a cursor they did not make (%s)', (cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });
});

describe('toConnection', () => {
  it('uses the extra row only to say there is a next page', () => {
    const connection = toConnection([{ id: 1 }, { id: 2 }, { id: 3 }], 2, (row) => [row.id], false);
    expect(connection.edges.map((edge) => edge.node.id)).toEqual([1, 2]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.endCursor, 1)).toEqual([2]);
  });

  it('describes an empty page', () => {
    expect(toConnection([], 5, () => [], true).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('decodeTimeCursor', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('reads a (timestamp, id) position', () => {
    expect(decodeTimeCursor(encodeCursor(['2026-11-26T10:00:00.000Z', id]))).toEqual({
      at: new Date('2026-11-26T10:00:00.000Z'),
      id,
    });
    expect(decodeTimeCursor(null)).toBeNull();
  });

  it.each([
    ['a bad timestamp', ['yesterday', id]],
    ['a bad id', ['2026-11-26T10:00:00.000Z', 'x']],
    ['a number for the timestamp', [123, id]],
  ])('refuses %s', (_, position) => {
    expect(() => decodeTimeCursor(encodeCursor(position))).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });
});
