import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { uniqueId } from '@cinegraph/testing';
import { bundleEntry } from '../src/bundle.ts';
import { repoRoot } from '../src/subgraphs.ts';

const run = promisify(execFile);
const fixture = path.join(import.meta.dirname, 'fixtures', 'bundleProbe.ts');
const entry = path.relative(repoRoot, fixture);

describe('a process bundle', () => {
  it('runs our sources where they are, with dependencies from node_modules', async () => {
    const bundle = await bundleEntry(entry);
    const { stdout } = await run(process.execPath, ['--enable-source-maps', bundle]);
    expect(JSON.parse(stdout)).toEqual({
      // Files read beside a source file are found from the bundle too.
      dirname: path.dirname(fixture),
      filename: fixture,
      url: pathToFileURL(fixture).href,
      repoRoot,
      // The dependency stays outside, the very file Node loads for it.
      graphql: createRequire(fixture).resolve('graphql'),
      scalar: 'String',
    });
    const code = await readFile(bundle, 'utf8');
    expect(code).toContain(
      JSON.stringify(pathToFileURL(createRequire(fixture).resolve('graphql')).href),
    );
    expect(code).not.toContain('class GraphQLScalarType');
  });

  it('is reused while its sources are unchanged, and rebuilt (the old one removed) when one changes', async () => {
    const name = `tmp-probe-${uniqueId()}`;
    const source = path.join(import.meta.dirname, 'fixtures', `${name}.ts`);
    const inAnotherProcess = async () =>
      (
        await run(process.execPath, [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { bundleEntry } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'stack/src/bundle.ts')).href)}; console.log(await bundleEntry(${JSON.stringify(path.relative(repoRoot, source))}));`,
        ])
      ).stdout.trim();
    try {
      await writeFile(source, "console.log('one');\n");
      const first = await inAnotherProcess();
      expect((await run(process.execPath, [first])).stdout).toBe('one\n');
      expect(await inAnotherProcess()).toBe(first);

      await writeFile(source, "console.log('two');\n");
      const second = await inAnotherProcess();
      expect(second).not.toBe(first);
      expect((await run(process.execPath, [second])).stdout).toBe('two\n');
      expect(existsSync(first)).toBe(false);
    } finally {
      await rm(source, { force: true });
      const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'cinegraph', 'bundles');
      for (const file of await readdir(cacheDir))
        if (file.includes(name)) await rm(path.join(cacheDir, file), { force: true });
    }
  });
});
