import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm run conformance` recorded: the operations each gateway passed, by scenario. */
export interface ConformanceResults {
  date: string;
  commit: string;
  scenarios: Record<string, { operations: number; cinegraph: string[]; apollo: string[] }>;
}

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

export function readConformanceResults(): ConformanceResults {
  return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as ConformanceResults;
}
