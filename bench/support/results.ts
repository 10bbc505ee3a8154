import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@cinegraph/stack';

export const resultsDir = path.join(repoRoot, 'bench', 'results');

export type Cell = string | number;
export type Row = Record<string, Cell>;
export type Settings = Record<string, string | number | boolean | readonly (string | number)[]>;

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** What bench/results/<name>.json holds: the table and everything needed to trust it. */
export interface BenchResults {
  bench: string;
  /** When the bench finished (ISO 8601). */
  date: string;
  /**
   * The commit the bench ran on, and whether the tree had uncommitted changes (other
   * benches' results aside).
   */
  commit: string;
  dirty: boolean;
  machine: Machine;
  settings: Settings;
  heading: string;
  rows: Row[];
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A markdown table of rows; every row has the first row's columns. */
export function markdownTable(rows: readonly Row[], columns = Object.keys(rows[0] ?? {})): string {
  const cell = (value: Cell | undefined) => String(value ?? '').replaceAll('|', '\\|');
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(' | ')} |`),
  ].join('\n');
}

function settingsLine(settings: Settings): string {
  const entries = Object.entries(settings);
  if (entries.length === 0) return 'none beyond the heading';
  return entries
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

/**
 * Writes a bench's figures as bench/results/<name>.md (for people) and .json (for the
 * docs-figures check, bench/support/docsFigures.ts), each with the date, the commit, the
 * machine and the settings, and prints the table.
 */
export async function writeResults(
  name: string,
  heading: string,
  rows: Row[],
  settings: Settings = {},
): Promise<BenchResults> {
  const commit = git('rev-parse', '--short=12', 'HEAD') || 'unknown';
  const results: BenchResults = {
    bench: name,
    date: new Date().toISOString(),
    commit,
    // Other benches' results written since the commit are not changes to what ran.
    dirty:
      git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results') !== '',
    machine: describeMachine(),
    settings,
    heading,
    rows,
  };
  const { machine } = results;
  const table = markdownTable(rows);
  console.log(`\n${table}\n`);
  const markdown = [
    `# bench:${name}`,
    '',
    heading,
    '',
    `- date: ${results.date}`,
    `- commit: ${commit}${results.dirty ? ' (with uncommitted changes)' : ''}`,
    `- machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`,
    `- settings: ${settingsLine(settings)}`,
    '',
    table,
    '',
  ].join('\n');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, `${name}.md`), markdown);
  await writeFile(path.join(resultsDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

export async function readResults(name: string): Promise<BenchResults | undefined> {
  try {
    return JSON.parse(
      await readFile(path.join(resultsDir, `${name}.json`), 'utf8'),
    ) as BenchResults;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
