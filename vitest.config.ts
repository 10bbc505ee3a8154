import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node resolves `graphql` to its CommonJS entry for every importer (the package has no
// exports map), so a running process has one graphql. Vite would give our sources the
// .mjs entry while dependencies loaded by Node get the CommonJS one: two graphql realms,
// in which a schema built by @apollo/gateway is foreign to our code's `getVariableValues`
// and our GraphQLErrors fail Apollo Server's instanceof checks. Tests resolve it as Node does.
const resolve = {
  alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
};

// Three projects, selected by file suffix (see docs/testing.md):
//   unit  *.test.ts beside the code: pure logic, no I/O
//   int   test/*.int.test.ts: one package against real PostgreSQL / Redis
//   e2e   e2e/*.e2e.test.ts: real processes (subgraphs + gateway) on free ports
//   e2e-embedded  most e2e files again, each on one `npm start` in embedded mode, and the
//                 web app's browser tests (e2e/web*)
//   serial  test/*.serial.test.ts: disrupt shared services (e.g. stop RabbitMQ); run last, alone
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            '{packages,subgraphs,gateway,stack,scripts}/**/src/**/*.test.ts',
            'bench/support/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        resolve,
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
        resolve,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          // Restarting `npm start` on its data folder is embedded mode's (e2e-embedded), and so
          // are the browser tests of the web app (e2e/web*: the app is the same in both modes).
          exclude: ['e2e/embeddedRestart.e2e.test.ts', 'e2e/web*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Each file starts its own stack of processes; two at a time suit 2 cores.
          maxWorkers: 2,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e-embedded',
          sequence: { groupOrder: 3 },
          // The supergraph's behaviour again, on `npm start` in embedded mode. Left out:
          // what exists only with processes and real services (replicas, a Redis outage,
          // gateways against toy subgraphs, the browser IDE, per-process tracing).
          include: [
            'auth',
            'bookings',
            'bookingSaga',
            'catalog',
            'embeddedRestart',
            'httpSecurity',
            'moviePage',
            'notifications',
            'operationLimits',
            'operations',
            'persistedQueries',
            'queryBound',
            'recommendations',
            'seatAvailability',
            'web*',
          ].map((name) => `e2e/${name}.e2e.test.ts`),
          globalSetup: ['e2e/embeddedTemplate.ts', 'e2e/webBuild.ts'],
          // No service at all: every URL a test or a process could fall back on is a closed port.
          env: {
            CINEGRAPH_TEST_MODE: 'embedded',
            TEST_POSTGRES_URL: 'postgresql://postgres@127.0.0.1:9',
            TEST_REDIS_URL: 'redis://127.0.0.1:9',
            TEST_AMQP_URL: 'amqp://guest:guest@127.0.0.1:9',
            POSTGRES_URL: 'postgresql://postgres@127.0.0.1:9',
            DATABASE_URL: 'postgresql://postgres@127.0.0.1:9/cinegraph',
            REDIS_URL: 'redis://127.0.0.1:9',
            AMQP_URL: 'amqp://guest:guest@127.0.0.1:9',
          },
          testTimeout: 30_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
      {
        resolve,
        test: {
          name: 'serial',
          sequence: { groupOrder: 4 },
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
