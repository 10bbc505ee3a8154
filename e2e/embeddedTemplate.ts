import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareEmbeddedData } from '@cinegraph/stack';

/**
 * The e2e-embedded project's global setup: one embedded data folder, created, migrated and
 * seeded once per run, which every test file's stack copies (PGlite's initdb and the seed
 * cost seconds a database; a copy costs a fraction of one).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cg_test_embedded_template_'));
  await prepareEmbeddedData(dir, { seed: true, log: () => {} });
  project.provide('embeddedTemplateDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
