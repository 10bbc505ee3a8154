// `npm start` as a person meets it: pretty lines in a terminal, a clear refusal when its
// ports are taken by an earlier CineGraph, and no process left behind when it is killed.
// One `npm start` (services mode, on ports and names of its own) runs under `script`,
// which gives it a real terminal; the tests run in order against it.
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '@cinegraph/stack';
import {
  databaseUrlOf,
  deleteStackResources,
  readRunRecords,
  repoRoot,
  subgraphs,
} from '@cinegraph/stack';
import {
  eventually,
  freePort,
  graphqlRequest,
  testEnvironment,
  uniqueId,
} from '@cinegraph/testing';

const id = uniqueId();
const databasePrefix = `cg_test_${id}_`;
const retryDelaysMs = [200, 1_000];
const names = ['gateway', ...subgraphs.map((subgraph) => subgraph.name)];
const ports: Record<string, number> = {};
let env: Record<string, string>;
let keyDir: string;
let terminal: ChildProcess;
let output = '';
let record: RunRecord;

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  for (const name of names) ports[name] = await freePort();
  keyDir = await mkdtemp(path.join(tmpdir(), 'cinegraph-npm-start-'));
  env = {
    ...(process.env as Record<string, string>),
    CINEGRAPH_MODE: 'services',
    POSTGRES_URL: testEnvironment.postgresUrl,
    REDIS_URL: testEnvironment.redisUrl,
    AMQP_URL: testEnvironment.amqpUrl,
    DATABASE_PREFIX: databasePrefix,
    REDIS_KEY_PREFIX: `cg_test_${id}:`,
    EVENTS_PREFIX: `cg_test_${id}.`,
    EVENTS_RETRY_DELAYS_MS: retryDelaysMs.join(','),
    CINEGRAPH_DEMO_CONTENT: 'false',
    WEB_ENABLED: 'false',
    JWT_KEY_FILE: path.join(keyDir, 'jwt.pem'),
    ...Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_PORT`, String(ports[name])])),
  };
  // LOG_FORMAT and LOG_LEVEL as a person has them: unset.
  delete env['LOG_FORMAT'];
  delete env['LOG_LEVEL'];
  // `script` runs it on a pseudo-terminal, as a shell in a terminal window would.
  terminal = spawn(
    'script',
    ['--quiet', '--return', '--command', 'node --import tsx scripts/start.ts', '/dev/null'],
    { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  terminal.stdout!.setEncoding('utf8').on('data', (text: string) => (output += plain(text)));
  terminal.stderr!.setEncoding('utf8').on('data', (text: string) => (output += plain(text)));
  const exited = new Promise<void>((resolve) => terminal.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  await eventually(
    async () => {
      if (gone) throw new Error('npm start exited');
      return output.includes('CineGraph is running') || undefined;
    },
    150_000,
    'the banner',
  ).catch((error: Error) => {
    throw new Error(`${error.message}; npm start printed:\n${output}`);
  });
  record = (await readRunRecords()).find(
    (candidate) => candidate.ports['gateway'] === ports['gateway'],
  )!;
  expect(record).toBeDefined();
});

afterAll(async () => {
  if (record && isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
  terminal?.kill('SIGKILL');
  await eventually(
    async () =>
      (await Promise.all(names.map((name) => isListening(ports[name]!)))).every((up) => !up) ||
      undefined,
    20_000,
    'every port closed',
  ).catch(() => {});
  await deleteStackResources({
    databaseUrls: subgraphs.map((s) =>
      databaseUrlOf(testEnvironment.postgresUrl, databasePrefix, s.name),
    ),
    redisKeyPrefix: `cg_test_${id}:`,
    eventsPrefix: `cg_test_${id}.`,
    retryDelaysMs,
  });
  await rm(keyDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints one pretty line per entry in a terminal, each with its process, and no request lines', async () => {
    // A request through the gateway to a subgraph: at `info`, neither writes a line for it.
    const before = output.length;
    const answer = await graphqlRequest<{ movies: { totalCount: number } }>(
      `http://127.0.0.1:${ports['gateway']}/graphql`,
      '{ movies(first: 1) { totalCount } }',
    );
    expect(answer.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(output.slice(before)).not.toMatch(/request|operation/i);

    const lines = output.split('\n');
    // No JSON in a terminal: `[12:04:31] INFO: movies        ready to serve at ...`.
    expect(lines.filter((line) => line.trimStart().startsWith('{"level"'))).toEqual([]);
    for (const name of names)
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^\\[\\d\\d:\\d\\d:\\d\\d\\] INFO: ${name} +ready to serve at http://127.0.0.1:${ports[name]}/graphql$`,
          ),
        ),
      );
    expect(output).not.toMatch(/request completed|incoming request|graphql operation/);
    expect(output).toContain('LOG_FORMAT=json');
  });

  it('refuses a second start on the same ports before migrating anything, naming the ports, their variables and the earlier CineGraph', async () => {
    const second = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts'],
      // Not a terminal: JSON lines, of which the refusal is the only one (a database created
      // or migrated, a process spawned, would each have written its own).
      {
        cwd: repoRoot,
        env: { ...env, DATABASE_PREFIX: `${databasePrefix}second_` },
        timeout: 60_000,
      },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(second?.code).toBe(1);
    const entries = second!.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; causes?: string[] });
    expect(entries.map((entry) => entry.msg)).toEqual(['CineGraph could not start']);
    expect(second!.stdout).not.toContain('CineGraph is running');
    const [cause] = entries[0]!.causes!;
    for (const name of names) {
      expect(cause).toContain(`${ports[name]} (${name.toUpperCase()}_PORT)`);
      expect(cause).toContain(`${name} ${record.processes[name]}`);
    }
    expect(cause).toContain('taken by an earlier CineGraph that is still running');
    expect(cause).toContain(`npm start pid ${record.pid}`);
    expect(cause).toContain(`\`kill ${record.pid}\``);
    expect(entries[0]!.causes).toHaveLength(1);

    // The first runs on, unharmed, and its own processes answer its health checks.
    const health = (await (await fetch(`http://127.0.0.1:${ports['movies']}/health`)).json()) as {
      service: string;
      instance: string;
    };
    expect(health).toEqual({ status: 'ok', service: 'movies', instance: record.instance });
  });

  it('leaves no process behind when npm start is killed with SIGKILL', async () => {
    const pids = Object.values(record.processes);
    expect(pids).toHaveLength(names.length);
    expect(pids.every(isAlive)).toBe(true);

    process.kill(record.pid, 'SIGKILL');

    // Each process notices its channel to npm start close, drains and exits.
    await eventually(
      async () => {
        const listening = await Promise.all(names.map((name) => isListening(ports[name]!)));
        return listening.every((up) => !up) && !pids.some(isAlive) ? true : undefined;
      },
      15_000,
      'every port free and every process gone',
    );
    expect(await readRunRecords()).not.toContainEqual(expect.objectContaining({ pid: record.pid }));
  });
});
