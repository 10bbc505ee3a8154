// `npm run docs:figures [-- --check]`: rewrites every results block in the docs from its
// results file (bench/results/<bench>.json), formats the files it changed, then checks
// every figure the docs quote (bench/support/docsFigures.ts). --check only checks.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { repoRoot } from '@cinegraph/stack';
import {
  checkDocumentation,
  documentationFiles,
  rewriteMarkdown,
} from '../bench/support/docsFigures.ts';
import { readResults } from '../bench/support/results.ts';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

if (!args.check)
  for (const file of documentationFiles()) {
    const filePath = path.join(repoRoot, file);
    const before = await readFile(filePath, 'utf8');
    const rewritten = await rewriteMarkdown(before, readResults);
    if (rewritten === before) continue;
    const options = await prettier.resolveConfig(filePath);
    const formatted = await prettier.format(rewritten, { ...options, filepath: filePath });
    if (formatted === before) continue;
    await writeFile(filePath, formatted);
    console.log(`docs:figures: rewrote ${file}`);
  }

const problems = await checkDocumentation();
for (const { file, line, message } of problems) console.error(`${file}:${line}: ${message}`);
if (problems.length > 0) process.exitCode = 1;
else console.log('docs:figures: every figure in the docs is in its results file');
