import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@cinegraph/stack';
import type { BenchResults } from './results.ts';
import { markdownTable, readResults } from './results.ts';

/**
 * Figures in the docs that cannot go stale (docs/testing.md, "Figures in the docs").
 *
 * - A results block is generated from a results file and checked against it:
 *   `<!-- results: NAME -->` or `<!-- results: NAME | column | column -->`, the table, then
 *   `<!-- /results -->`. `npm run docs:figures` rewrites every block.
 * - A paragraph, list item or table that names `bench/results/NAME.md` may quote figures
 *   of that file: every number with a unit in it (`438 requests/s`, `p99 216 ms`, `0.88×`,
 *   `440 MB`, `7%`) must be one of the file's numbers as written or rounded, and every
 *   date in it must be the file's date.
 * - Anywhere else, a measured figure (a rate per second, a ratio, a latency percentile,
 *   or a table of such columns) is an error: it names no results file.
 */

export interface Problem {
  file: string;
  line: number;
  message: string;
}

interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  text: string;
  table: boolean;
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
const CITATION = /bench\/results\/([\w-]+)\.(?:md|json)/g;
const DATE = /\b20\d\d-\d\d-\d\d\b/g;
/** A number with a unit, or after a percentile: what a cited passage may only quote from its file. */
const QUOTED_FIGURE =
  /(?<![\w.-])(\d[\d,]*(?:\.\d+)?)\s?(?:[a-z]+\/s\b|ms\b|s\b|MiB\b|MB\b|GiB\b|GB\b|KiB\b|KB\b|%|x\b|×)|\bp(?:50|95|99)\s+(?:of\s+|about\s+|at\s+|was\s+|is\s+)?(\d[\d,]*(?:\.\d+)?)/gi;
/** Figures that are measured by nature: they need a results file wherever they appear. */
const MEASURED = [
  /\d[\d,]*(?:\.\d+)?\s?(?:requests|req|holds|flows|events|changes|operations|ops|messages)\/s\b/i,
  /\d[\d,]*(?:\.\d+)?\s?requests (?:a|per) second/i,
  /(?<![\w.-])\d+(?:\.\d+)?(?:x|×)(?!\w)/,
  /\bp(?:50|95|99)\s+(?:of\s+|about\s+|at\s+|was\s+|is\s+)?\d/,
  /\d\s?ms\s+(?:at\s+)?p(?:50|95|99)\b/,
];
const MEASURED_COLUMNS = /requests\/s|\bp(?:50|95|99)\b|\bRSS\b|\bCPU\b|\/s\b/i;
const BLOCK_START = /^<!--\s*results:\s*([^>]*?)\s*-->\s*$/;
const BLOCK_END = /^<!--\s*\/results\s*-->\s*$/;

/** The markdown files whose figures are checked: every tracked or new .md but results and dependencies. */
export function documentationFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return [...new Set(listed.split('\n'))]
    .filter((file) => file && !file.startsWith('bench/results/') && !file.includes('node_modules'))
    .sort();
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((match) => Number(match[0].replaceAll(',', '')));
}

/** Every number a results file holds: cells, column names, heading and settings. */
function numbersOf(results: BenchResults): number[] {
  const texts = [results.heading, JSON.stringify(results.settings)];
  for (const row of results.rows)
    for (const [column, value] of Object.entries(row)) texts.push(column, String(value));
  return numbersIn(texts.join(' '));
}

/** A figure as written matches a value when the value rounds to it (216 for 215.8, 1.0 for 0.97). */
function matches(written: string, values: readonly number[]): boolean {
  const figure = Number(written.replaceAll(',', ''));
  const decimals = written.split('.')[1]?.length ?? 0;
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  return values.some((value) => Math.abs(value - figure) <= tolerance);
}

/** Splits a markdown file into paragraphs, list items and tables, without code and results blocks. */
function blocksOf(markdown: string): { blocks: Block[]; resultBlocks: ResultBlock[] } {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  const resultBlocks: ResultBlock[] = [];
  let current: Block | undefined;
  let fence: string | undefined;
  let result: ResultBlock | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (fenceMark === fence) fence = undefined;
      return;
    }
    if (fenceMark) {
      close();
      fence = fenceMark;
      return;
    }
    if (result) {
      if (BLOCK_END.test(line)) {
        resultBlocks.push(result);
        result = undefined;
      } else result.body.push(line);
      return;
    }
    const start = BLOCK_START.exec(line);
    if (start) {
      close();
      const [name = '', ...columns] = start[1]!.split('|').map((part) => part.trim());
      result = { line: index + 1, name, columns, body: [], startIndex: index };
      return;
    }
    const table = line.trimStart().startsWith('|');
    const listItem = /^([-*+]|\d+\.)\s/.test(line);
    if (line.trim() === '' || listItem || /^#/.test(line) || (current && current.table !== table))
      close();
    if (line.trim() === '') return;
    if (current) current.text += `\n${line}`;
    else current = { line: index + 1, text: line, table };
    if (/^#/.test(line)) close();
  });
  close();
  if (result) resultBlocks.push({ ...result, unterminated: true });
  return { blocks, resultBlocks };
}

interface ResultBlock {
  line: number;
  name: string;
  columns: string[];
  body: string[];
  startIndex: number;
  unterminated?: boolean;
}

function cellsOf(table: readonly string[]): string[][] {
  return table
    .filter((line) => line.trim().startsWith('|'))
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The table a results block must hold. */
export function generatedTable(results: BenchResults, columns: readonly string[]): string {
  const chosen = columns.length > 0 ? columns : Object.keys(results.rows[0] ?? {});
  return markdownTable(results.rows, [...chosen]);
}

/** Checks one markdown text; `load` reads a results file by name. */
export async function checkMarkdown(
  file: string,
  markdown: string,
  load: (name: string) => Promise<BenchResults | undefined>,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const { blocks, resultBlocks } = blocksOf(markdown);

  for (const block of resultBlocks) {
    const results = await load(block.name);
    if (block.unterminated) problem(block.line, 'a results block without its <!-- /results -->');
    if (!results) {
      problem(block.line, `no results file bench/results/${block.name}.json`);
      continue;
    }
    const known = Object.keys(results.rows[0] ?? {});
    const unknown = block.columns.filter((column) => !known.includes(column));
    if (unknown.length > 0) {
      problem(block.line, `bench/results/${block.name}.json has no column ${unknown.join(', ')}`);
      continue;
    }
    const expected = cellsOf(generatedTable(results, block.columns).split('\n'));
    if (JSON.stringify(cellsOf(block.body)) !== JSON.stringify(expected))
      problem(
        block.line,
        `the table differs from bench/results/${block.name}.json (${results.date.slice(0, 10)}): run npm run docs:figures`,
      );
  }

  for (const block of blocks) {
    const cited = [...new Set([...block.text.matchAll(CITATION)].map((match) => match[1]!))];
    // Code spans are names and examples, not figures.
    const prose = block.text.replace(CITATION, '').replace(/`[^`]*`/g, ' ');
    if (cited.length === 0) {
      const measured =
        MEASURED.map((pattern) => pattern.exec(prose)?.[0]).find(Boolean) ??
        (block.table && MEASURED_COLUMNS.test(block.text.split('\n')[0]!) && /\d/.test(block.text)
          ? 'a table of measured figures'
          : undefined);
      if (measured)
        problem(
          block.line,
          `"${measured}" is a measured figure that names no results file: cite bench/results/<bench>.md beside it, or use a results block`,
        );
      continue;
    }
    const files: BenchResults[] = [];
    for (const name of cited) {
      const results = await load(name);
      if (results) files.push(results);
      else problem(block.line, `cites bench/results/${name}.md, which has no .json beside it`);
    }
    if (files.length < cited.length) continue;
    const values = files.flatMap(numbersOf);
    for (const match of prose.matchAll(QUOTED_FIGURE)) {
      const written = match[1] ?? match[2]!;
      if (!matches(written, values))
        problem(
          block.line,
          `"${match[0].trim()}" is not in ${cited.map((name) => `bench/results/${name}.json`).join(' or ')}`,
        );
    }
    const dates = files.map((results) => results.date.slice(0, 10));
    for (const [date] of prose.matchAll(DATE))
      if (!dates.includes(date))
        problem(block.line, `the date ${date} is not the results' date (${dates.join(', ')})`);
  }
  return problems;
}

/** Rewrites every results block of a markdown text from its results file. */
export async function rewriteMarkdown(
  markdown: string,
  load: (name: string) => Promise<BenchResults | undefined>,
): Promise<string> {
  const lines = markdown.split('\n');
  const { resultBlocks } = blocksOf(markdown);
  for (const block of [...resultBlocks].reverse()) {
    const results = await load(block.name);
    if (!results || block.unterminated) continue;
    const table = generatedTable(results, block.columns).split('\n');
    lines.splice(block.startIndex + 1, block.body.length, '', ...table, '');
  }
  return lines.join('\n');
}

/** Checks every documentation file of the repository. */
export async function checkDocumentation(): Promise<Problem[]> {
  const cache = new Map<string, Promise<BenchResults | undefined>>();
  const load = (name: string) => {
    if (!cache.has(name)) cache.set(name, readResults(name));
    return cache.get(name)!;
  };
  const problems: Problem[] = [];
  for (const file of documentationFiles())
    problems.push(
      ...(await checkMarkdown(file, await readFile(path.join(repoRoot, file), 'utf8'), load)),
    );
  return problems;
}
