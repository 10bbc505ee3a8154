import { describe, expect, it } from 'vitest';
import { createLinePrettifier, resolveLogFormat } from './prettyLogs.ts';

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('LOG_FORMAT', () => {
  it('auto is pretty on a terminal and JSON anywhere else; json and pretty are taken as asked', () => {
    expect(resolveLogFormat('auto', { isTTY: true })).toBe('pretty');
    expect(resolveLogFormat('auto', { isTTY: false })).toBe('json');
    expect(resolveLogFormat('auto', {})).toBe('json');
    expect(resolveLogFormat('json', { isTTY: true })).toBe('json');
    expect(resolveLogFormat('pretty', { isTTY: false })).toBe('pretty');
  });
});

describe('a pretty line', () => {
  const prettify = createLinePrettifier();
  const time = new Date(2026, 11, 8, 9, 14, 3).getTime();

  it('is one line: time, level, the service padded to line up, the message, then the other fields', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      pid: 1,
      hostname: 'h',
      service: 'movies',
      requestId: 'r1',
      msg: 'ready to serve at http://127.0.0.1:4002/graphql',
      task: 'backfill',
    });
    expect(plain(prettify(line))).toBe(
      '[09:14:03] INFO: movies        ready to serve at http://127.0.0.1:4002/graphql {"task":"backfill"}',
    );
  });

  it('puts a warning and an error by their level, and an error stack below its line', () => {
    const warning = plain(
      prettify(JSON.stringify({ level: 40, time, service: 'gateway', msg: 'slow subgraph' })),
    );
    expect(warning).toBe('[09:14:03] WARN: gateway       slow subgraph');
    const error = plain(
      prettify(
        JSON.stringify({
          level: 50,
          time,
          service: 'payments',
          msg: 'payment failed',
          err: { type: 'Error', message: 'declined', stack: 'Error: declined\n    at charge' },
        }),
      ),
    );
    expect(error.split('\n')[0]!.trimEnd()).toBe('[09:14:03] ERROR: payments      payment failed');
    expect(error).toContain('Error: declined');
  });

  it('leaves a line that is not a log entry as it was', () => {
    expect(prettify('(node:12) ExperimentalWarning: something')).toBe(
      '(node:12) ExperimentalWarning: something',
    );
  });
});
