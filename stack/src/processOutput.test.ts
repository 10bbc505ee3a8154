import { describe, expect, it } from 'vitest';
import { createOutputPrinter, formatStartupFailure } from './processOutput.ts';
import { StartupFailure } from './startupFailure.ts';

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function printer(format: 'json' | 'pretty') {
  const written: string[] = [];
  return { print: createOutputPrinter(format, (text) => written.push(text)), written };
}

describe("printing the processes' output", () => {
  const entry = JSON.stringify({ level: 30, time: 0, service: 'movies', msg: 'ready' });

  it('passes JSON entries through as they came, and makes any other line an entry of its process', () => {
    const { print, written } = printer('json');
    print('movies', entry);
    print('movies', '(node:7) Warning: something', 'stderr');
    expect(written[0]).toBe(`${entry}\n`);
    expect(JSON.parse(written[1]!)).toMatchObject({
      level: 40,
      service: 'movies',
      msg: '(node:7) Warning: something',
    });
  });

  it('prints each line pretty on a terminal, with its process', () => {
    const { print, written } = printer('pretty');
    print('movies', entry);
    print('gateway', 'plain text', 'stdout');
    expect(written.map(plain)).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: movies +ready\n$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: gateway +plain text\n$/),
    ]);
  });
});

describe('a failed start', () => {
  const failure = new StartupFailure(
    ['Port 4002 (movies; MOVIES_PORT moves it) is taken by another program: stop it.'],
    `movies's last output:\n${JSON.stringify({ level: 60, time: 0, service: 'movies', msg: 'could not start' })}`,
  );

  it('reads, on a terminal, as its sentences first and then the details', () => {
    const text = plain(formatStartupFailure(failure, 'pretty'));
    expect(text.split('\n').slice(0, 3)).toEqual([
      '',
      'CineGraph could not start.',
      '  - Port 4002 (movies; MOVIES_PORT moves it) is taken by another program: stop it.',
    ]);
    expect(text).toMatch(
      /Details:\n {2}movies's last output:\n {2}\[\d\d:\d\d:\d\d\] FATAL: movies +could not start/,
    );
  });

  it('is one fatal JSON entry with the causes for a machine', () => {
    const entry = JSON.parse(formatStartupFailure(failure, 'json')) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 60,
      msg: 'CineGraph could not start',
      causes: failure.causes,
      details: failure.details,
    });
  });

  it('says an unexpected error plainly, with its stack among the details', () => {
    const entry = JSON.parse(formatStartupFailure(new Error('disk full'), 'json')) as {
      causes: string[];
      details: string;
    };
    expect(entry.causes).toEqual(['CineGraph stopped on an unexpected error: disk full.']);
    expect(entry.details).toContain('Error: disk full');
  });
});
