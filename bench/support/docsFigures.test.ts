import { describe, expect, it } from 'vitest';
import { checkDocumentation, checkMarkdown, rewriteMarkdown } from './docsFigures.ts';
import type { BenchResults } from './results.ts';

const gateway: BenchResults = {
  bench: 'gateway',
  date: '2026-12-07T12:32:47.932Z',
  commit: 'abc123',
  dirty: false,
  machine: { cores: 2, cpu: 'test', memoryGiB: 24, node: 'v20.20.2', platform: 'linux x64' },
  settings: { connections: 50 },
  heading: '50 connections, 30 s each',
  rows: [
    { gateway: 'Apollo', 'requests/s': 69, 'p99 ms': '3074.4', 'vs Apollo': '1.00x' },
    { gateway: 'CineGraph', 'requests/s': 438, 'p99 ms': '215.8', 'vs Apollo': '6.38x' },
  ],
};
const load = async (name: string) => (name === 'gateway' ? gateway : undefined);
const check = (markdown: string) => checkMarkdown('doc.md', markdown, load);

describe('figures in the docs', () => {
  it('accepts figures of the results file a passage cites, as written or rounded', async () => {
    expect(
      await check(
        'CineGraph did 438 requests/s against 69, 6.38x Apollo, p99 216 ms against\n3,074 ms (bench/results/gateway.md, 2026-12-07).',
      ),
    ).toEqual([]);
  });

  it('refuses a cited figure the file does not hold, and a date that is not the file’s', async () => {
    const problems = await check(
      '- CineGraph: 588 requests/s, p99 38 ms, on 2026-11-26 ([results](../bench/results/gateway.md))',
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      '"588 requests/s" is not in bench/results/gateway.json',
      '"p99 38" is not in bench/results/gateway.json',
      "the date 2026-11-26 is not the results' date (2026-12-07)",
    ]);
  });

  it('refuses a measured figure that cites no results file, and names its line', async () => {
    const problems = await check('# Speed\n\nIntro.\n\nThe gateway does 438 requests/s.\n');
    expect(problems).toEqual([
      {
        file: 'doc.md',
        line: 5,
        message: expect.stringContaining('"438 requests/s" is a measured figure'),
      },
    ]);
    expect(await check('A ratio of 7.27× measured once.')).toHaveLength(1);
    expect(await check('p99 about 47 ms on the CI machine.')).toHaveLength(1);
    expect(await check('| gateway | requests/s |\n| --- | --- |\n| a | 12 |')).toHaveLength(1);
  });

  it('leaves settings, limits and code alone', async () => {
    expect(
      await check(
        'Retries back off from 50 ms; bodies up to 1 MiB; `2 × maxEntries` documents; p50/p95/p99 panels; write `438\nrequests/s`.\n\n```\n900 requests/s\n```',
      ),
    ).toEqual([]);
  });

  it('generates a results block and refuses one that drifted from its file', async () => {
    const doc =
      'Intro.\n\n<!-- results: gateway | gateway | requests/s -->\n| old |\n<!-- /results -->\n';
    expect((await check(doc)).map((problem) => problem.message)).toEqual([
      'the table differs from bench/results/gateway.json (2026-12-07): run npm run docs:figures',
    ]);
    const rewritten = await rewriteMarkdown(doc, load);
    expect(rewritten).toContain('| CineGraph | 438 |');
    expect(rewritten).not.toContain('p99 ms');
    expect(await check(rewritten)).toEqual([]);
    expect(await check(rewritten.replace('438', '439'))).toHaveLength(1);
  });

  it('refuses a results block of a bench that wrote no results, or of a column it lacks', async () => {
    const problems = await check(
      '<!-- results: nothing -->\n<!-- /results -->\n\n<!-- results: gateway | RSS -->\n<!-- /results -->',
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'no results file bench/results/nothing.json',
      'bench/results/gateway.json has no column RSS',
    ]);
  });

  it('holds for every doc in the repository', async () => {
    const problems = await checkDocumentation();
    expect(problems.map(({ file, line, message }) => `${file}:${line}: ${message}`)).toEqual([]);
  });
});
