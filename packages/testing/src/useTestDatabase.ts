import { databaseUrlFor, dropDatabase, ensureDatabase, migrate } from '@cinegraph/migrator';
import { afterAll, beforeAll } from 'vitest';
import { testEnvironment, uniqueId } from './environment.ts';

export interface TestDatabase {
  readonly url: string;
}

/** A throwaway database, created and migrated before the file's tests, dropped after. */
export function useTestDatabase(migrationsDir: string): TestDatabase {
  const url = databaseUrlFor(testEnvironment.postgresUrl, `cg_test_${uniqueId()}`);
  beforeAll(async () => {
    await ensureDatabase(url);
    await migrate({ databaseUrl: url, migrationsDir });
  });
  afterAll(async () => {
    await dropDatabase(url);
  });
  return { url };
}
