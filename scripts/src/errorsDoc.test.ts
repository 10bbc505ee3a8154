import { describe, expect, it } from 'vitest';
import { errorCodes } from '@cinegraph/service-kit';
import {
  END_MARKER,
  errorCodesTable,
  generateErrorsDoc,
  readErrorsDoc,
  rewriteRegion,
  START_MARKER,
} from './errorsDoc.ts';

describe('docs/errors.md', () => {
  it('is what `npm run docs:errors` writes from the error registry', async () => {
    const { current, generated } = await readErrorsDoc();
    expect(
      current,
      'docs/errors.md differs from packages/service-kit/src/errorCodes.ts: run `npm run docs:errors`',
    ).toBe(generated);
  });

  it('documents every code of the registry', async () => {
    const { generated } = await readErrorsDoc();
    for (const code of Object.keys(errorCodes)) expect(generated).toContain(`| \`${code}\``);
  });
});

describe('the generated code table', () => {
  const codes = {
    FIRST: { status: 400, description: 'A `field` | or a pipe.' },
    SECOND: { status: 502, statusNote: 'never seen', description: 'Spans\ntwo lines.' },
  };

  it('has a row per code, in the registry’s order, with its status, note and meaning', () => {
    expect(errorCodesTable(codes).split('\n')).toEqual([
      '| code | HTTP status when it fails the whole request | meaning |',
      '| --- | --- | --- |',
      '| `FIRST` | 400 | A `field` \\| or a pipe. |',
      '| `SECOND` | 502 (never seen) | Spans two lines. |',
    ]);
  });

  it('replaces only the marked region, keeping the prose around it', async () => {
    const markdown = `# Errors\n\nBefore.\n\n${START_MARKER}\n\n| stale |\n| --- |\n\n${END_MARKER}\n\nAfter.\n`;
    const rewritten = await generateErrorsDoc(markdown, codes);
    expect(rewritten).toMatch(
      /^# Errors\n\nBefore\.\n\n<!-- generated: error codes -->\n\n\| code/,
    );
    expect(rewritten).toContain('| `SECOND` | 502 (never seen)');
    expect(rewritten).not.toContain('stale');
    expect(rewritten).toMatch(/\|\n\n<!-- \/generated -->\n\nAfter\.\n$/);
    expect(await generateErrorsDoc(rewritten, codes)).toBe(rewritten);
  });

  it('refuses a document without exactly one pair of markers', () => {
    expect(() => rewriteRegion('# Errors\n', '| t |')).toThrow(START_MARKER);
    expect(() => rewriteRegion(`${START_MARKER}\n${END_MARKER}\n${START_MARKER}\n`, '')).toThrow();
    expect(() => rewriteRegion(`${END_MARKER}\n${START_MARKER}\n`, '')).toThrow('comes before');
  });
});
