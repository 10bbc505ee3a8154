#!/usr/bin/env node
// Writes a Prisma-6-compatible copy of a Prisma 7 schema.
// Prisma 7 forbids `url` in the datasource block; Prisma 6 requires it.
// Usage: node bin/make-p6-schema.mjs <schema.prisma | schema-folder> <out-dir>
//   -> prints the path to pass to --to-schema-datamodel / P6_SCHEMA.
import fs from 'node:fs';
import path from 'node:path';

export function toPrisma6(src) {
  let found = false;
  const out = src.replace(
    /(^|\n)(\s*datasource\s+\w+\s*\{)([\s\S]*?)(\n\s*\})/g,
    (m, pre, head, body, tail) => {
      found = true;
      const hasUrl = /^\s*url\s*=/m.test(body);
      return pre + head + (hasUrl ? '' : '\n  url = env("DATABASE_URL")') + body + tail;
    },
  );
  return { out, found };
}

export function makeP6Schema(input, outDir) {
  const abs = path.resolve(input);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const files = fs.statSync(abs).isDirectory()
    ? fs
        .readdirSync(abs, { recursive: true })
        .filter((f) => String(f).endsWith('.prisma'))
        .map((f) => path.join(abs, String(f)))
    : [abs];
  let ds = 0;
  for (const f of files) {
    const { out, found } = toPrisma6(fs.readFileSync(f, 'utf8'));
    if (found) ds++;
    const rel = fs.statSync(abs).isDirectory() ? path.relative(abs, f) : 'schema.prisma';
    fs.mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
    fs.writeFileSync(
      path.join(outDir, rel),
      `// GENERATED from ${f} by make-p6-schema.mjs - do not edit\n${out}`,
    );
  }
  if (ds !== 1) throw new Error(`expected exactly one datasource block, found ${ds}`);
  return fs.statSync(abs).isDirectory() ? outDir : path.join(outDir, 'schema.prisma');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) {
    console.error('usage: make-p6-schema.mjs <schema.prisma|dir> <out-dir>');
    process.exit(64);
  }
  console.log(makeP6Schema(input, outDir));
}
