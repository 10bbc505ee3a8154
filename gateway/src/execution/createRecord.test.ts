import { describe, expect, it } from 'vitest';
import { createRecord } from './createRecord.ts';

describe('a record for response data', () => {
  it('inherits no keys: fields named like Object.prototype’s are plain data', () => {
    const record = createRecord();
    expect(record['constructor']).toBeUndefined();
    expect(record['toString']).toBeUndefined();
    record['__proto__'] = { polluted: true };
    record['constructor'] = 'c';
    expect(Object.keys(record)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(record)).toBe('{"__proto__":{"polluted":true},"constructor":"c"}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(createRecord()['polluted']).toBeUndefined();
  });

  it('shares one prototype that nobody can write into', () => {
    const prototype = Object.getPrototypeOf(createRecord()) as object;
    expect(Object.getPrototypeOf(createRecord())).toBe(prototype);
    expect(Object.isFrozen(prototype)).toBe(true);
    expect(Object.getPrototypeOf(prototype)).toBeNull();
  });
});
