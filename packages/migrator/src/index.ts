export {
  databaseNameOf,
  databaseUrlFor,
  dropDatabase,
  ensureDatabase,
  redact,
} from './ensureDatabase.ts';
export {
  migrate,
  MigrationError,
  readMigrations,
  type MigrateOptions,
  type MigrationFile,
} from './migrate.ts';
