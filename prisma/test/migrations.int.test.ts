// Proves that each subgraph's committed migrations produce exactly the schema its
// schema.prisma describes, with Prisma's own differ (tools/prisma-migrate):
//  1. replaying the migrations in a shadow database gives the datamodel (`check`);
//  2. a database migrated by our migrator, introspected, gives the datamodel (`check-live`).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { databaseUrlFor, dropDatabase, ensureDatabase, migrate } from '@cinegraph/migrator';
import { repoRoot, subgraphs } from '@cinegraph/stack';
import { testEnvironment, uniqueId } from '@cinegraph/testing';

const run = promisify(execFile);
const p6 = path.join(repoRoot, 'tools/prisma-migrate/bin/p6.mjs');

async function prismaDiff(
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [p6, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe.each(subgraphs.map((s) => [s.name, s] as const))('%s migrations', (name, subgraph) => {
  const schema = path.join(repoRoot, 'prisma', name, 'schema.prisma');

  it('replay to exactly schema.prisma', async () => {
    // The shadow database is created on this server and dropped afterwards.
    const result = await prismaDiff(
      ['check', schema, subgraph.migrationsDir],
      databaseUrlFor(testEnvironment.postgresUrl, 'postgres'),
    );
    expect(result.output).toContain('No difference detected');
    expect(result.code).toBe(0);
  });

  it('applied by our migrator, give a database that matches schema.prisma', async () => {
    const databaseUrl = databaseUrlFor(testEnvironment.postgresUrl, `cg_test_schema_${uniqueId()}`);
    await ensureDatabase(databaseUrl);
    try {
      await migrate({ databaseUrl, migrationsDir: subgraph.migrationsDir });
      const result = await prismaDiff(['check-live', schema], databaseUrl);
      expect(result.output).toContain('No difference detected');
      expect(result.code).toBe(0);
    } finally {
      await dropDatabase(databaseUrl);
    }
  });
});
