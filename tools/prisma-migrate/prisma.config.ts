// Prisma 6.19.3 config: WASM schema engine + pg driver adapter (no native engine binaries).
// Env: DATABASE_URL (required; the role needs CREATEDB for shadow databases),
//      P6_SCHEMA (Prisma-6 copy of the schema, written by bin/p6.mjs),
//      P6_MIGRATIONS_DIR (migrations folder, for deploy/status).
import { defineConfig } from 'prisma/config';
import { adapterFromEnv } from './src/pg-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => adapterFromEnv(),
  ...(process.env.P6_SCHEMA ? { schema: process.env.P6_SCHEMA } : {}),
  ...(process.env.P6_MIGRATIONS_DIR ? { migrations: { path: process.env.P6_MIGRATIONS_DIR } } : {}),
});
