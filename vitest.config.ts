import { defineConfig } from 'vitest/config';

// Three projects, selected by file suffix (see docs/testing.md):
//   unit  *.test.ts beside the code: pure logic, no I/O
//   int   test/*.int.test.ts: one package against real PostgreSQL / Redis
//   e2e   e2e/*.e2e.test.ts: real processes (subgraphs + gateway) on free ports
//   serial  test/*.serial.test.ts: disrupt shared services (e.g. stop RabbitMQ); run last, alone
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['{packages,subgraphs,gateway,scripts}/**/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          sequence: { groupOrder: 1 },
          include: ['**/test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Each file starts its own stack of processes; two at a time suit 2 cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'serial',
          sequence: { groupOrder: 3 },
          include: ['**/test/**/*.serial.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
