import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { ErrorCodeEntry } from '@cinegraph/service-kit';
import { errorCodes } from '@cinegraph/service-kit';

/**
 * The code table of docs/errors.md, generated from the error registry
 * (packages/service-kit/src/errorCodes.ts) between two marker lines; the prose around it
 * is written by hand. `npm run docs:errors` rewrites it, and a unit test fails when the
 * file differs from what it would write.
 */
export const ERRORS_DOC = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));
export const START_MARKER = '<!-- generated: error codes -->';
export const END_MARKER = '<!-- /generated -->';

const HEADER = ['code', 'HTTP status when it fails the whole request', 'meaning'];

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');

/** The markdown table of the registry, in its order: code, status, meaning. */
export function errorCodesTable(
  codes: Readonly<Record<string, ErrorCodeEntry>> = errorCodes,
): string {
  const rows = Object.entries(codes).map(([code, { status, statusNote, description }]) => [
    `\`${code}\``,
    statusNote ? `${status} (${statusNote})` : String(status),
    description,
  ]);
  return [HEADER, HEADER.map(() => '---'), ...rows]
    .map((row) => `| ${row.map(cell).join(' | ')} |`)
    .join('\n');
}

/** The markdown with the region between the markers replaced by the table; the rest is kept. */
export function rewriteRegion(markdown: string, table: string): string {
  const lines = markdown.split('\n');
  const starts = lines.flatMap((line, index) => (line.trim() === START_MARKER ? [index] : []));
  const ends = lines.flatMap((line, index) => (line.trim() === END_MARKER ? [index] : []));
  const [start] = starts;
  const [end] = ends;
  if (starts.length !== 1 || ends.length !== 1 || start === undefined || end === undefined)
    throw new Error(
      `docs/errors.md must hold one "${START_MARKER}" line and one "${END_MARKER}" line after it`,
    );
  if (end < start) throw new Error(`"${END_MARKER}" comes before "${START_MARKER}"`);
  lines.splice(start + 1, end - start - 1, '', ...table.split('\n'), '');
  return lines.join('\n');
}

/** docs/errors.md as `npm run docs:errors` writes it: the table rewritten, then formatted. */
export async function generateErrorsDoc(
  markdown: string,
  codes: Readonly<Record<string, ErrorCodeEntry>> = errorCodes,
): Promise<string> {
  const rewritten = rewriteRegion(markdown, errorCodesTable(codes));
  const options = await prettier.resolveConfig(ERRORS_DOC);
  return prettier.format(rewritten, { ...options, filepath: ERRORS_DOC });
}

/** The file as it is, and as it should be. */
export async function readErrorsDoc(): Promise<{ current: string; generated: string }> {
  const current = await readFile(ERRORS_DOC, 'utf8');
  return { current, generated: await generateErrorsDoc(current) };
}
