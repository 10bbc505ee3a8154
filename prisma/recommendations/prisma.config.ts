// Prisma CLI configuration for this subgraph's database (used by `prisma generate`).
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const here = import.meta.dirname;

export default defineConfig({
  schema: path.join(here, 'schema.prisma'),
  migrations: { path: path.join(here, 'migrations') },
});
