// Ports are checked before anything is migrated or spawned: what holds a taken one decides
// the sentence (an earlier CineGraph with its pids, or another program).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cinegraph/testing';
import { checkPorts, createRunRecord, StartupFailure } from '../src/index.ts';

let runDir: string;
const servers: Server[] = [];
const sleepers: ChildProcess[] = [];

/** A process that only exists, to stand for an earlier start's pids. */
function sleeper(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  sleepers.push(child);
  return child.pid!;
}

/** Listens on a port; answers `/health` with `health` when given (a CineGraph process). */
async function listen(port: number, health?: object): Promise<void> {
  const server = createServer((request, response) => {
    if (health && request.url === '/health') response.end(JSON.stringify(health));
    else response.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

async function refusal(uses: { name: string; port: number }[]): Promise<string[]> {
  const failure = await checkPorts(uses, { runDir }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(StartupFailure);
  return (failure as StartupFailure).causes;
}

beforeAll(async () => {
  runDir = await mkdtemp(path.join(tmpdir(), 'cinegraph-run-'));
});

afterAll(async () => {
  for (const server of servers) server.close();
  for (const child of sleepers) child.kill('SIGKILL');
  await rm(runDir, { recursive: true, force: true });
});

describe('checking ports before a start', () => {
  it('passes when every port is free', async () => {
    await expect(
      checkPorts([{ name: 'gateway', port: await freePort() }], { runDir }),
    ).resolves.toBeUndefined();
  });

  it('names a port another program holds, and the variable that moves it', async () => {
    const web = await freePort();
    const free = await freePort();
    await listen(web);
    expect(
      await refusal([
        { name: 'web', port: web },
        { name: 'movies', port: free },
      ]),
    ).toEqual([
      `Port ${web} (the web app; WEB_PORT moves it) is taken by another program: stop it, or set WEB_PORT to a free port (\`lsof -i :${web}\` or \`ss -ltnp\` names the program).`,
    ]);
  });

  it('knows an earlier CineGraph by the instance on its /health, and says how to stop it', async () => {
    const gateway = await freePort();
    const movies = await freePort();
    const supervisor = sleeper();
    const moviesPid = sleeper();
    const earlier = createRunRecord(
      {
        pid: supervisor,
        instance: 'earlier-start',
        mode: 'services',
        startedAt: '2026-12-08T09:14:03.000Z',
        ports: { gateway, movies },
        processes: { movies: moviesPid },
      },
      runDir,
    );
    await earlier.write();
    await listen(movies, { status: 'ok', service: 'movies', instance: 'earlier-start' });

    const [cause, ...others] = await refusal([
      { name: 'gateway', port: gateway },
      { name: 'movies', port: movies },
    ]);
    expect(others).toEqual([]);
    // The gateway's port is free, but that start holds it: it has not opened it yet.
    expect(cause).toBe(
      `Ports ${gateway} (GATEWAY_PORT) and ${movies} (MOVIES_PORT) are taken by an earlier CineGraph that is still running: npm start pid ${supervisor}, started ${new Date('2026-12-08T09:14:03.000Z').toLocaleTimeString('en-GB')} in services mode (movies ${moviesPid}). Stop it with Ctrl-C in its terminal or \`kill ${supervisor}\`, or give this start other ports with the variables named.`,
    );
  });

  it('names the processes left behind when the earlier npm start is gone', async () => {
    const users = await freePort();
    const usersPid = sleeper();
    const goneSupervisor = sleeper();
    sleepers.at(-1)!.kill('SIGKILL');
    await new Promise((resolve) => sleepers.at(-1)!.once('exit', resolve));
    await createRunRecord(
      {
        pid: goneSupervisor,
        instance: 'orphaned-start',
        mode: 'services',
        startedAt: '2026-12-08T09:14:03.000Z',
        ports: { users },
        processes: { users: usersPid },
      },
      runDir,
    ).write();
    await listen(users, { status: 'ok', service: 'users', instance: 'orphaned-start' });
    expect(await refusal([{ name: 'users', port: users }])).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Port ${users} \\(USERS_PORT\\) is taken by an earlier CineGraph that is still running: its npm start \\(pid ${goneSupervisor}, started .+\\) is gone but some of its processes are not\\. Stop them with \`kill ${usersPid}\`\\.$`,
        ),
      ),
    ]);
  });

  it('tells a CineGraph it has no record of from another program, and removes stale records', async () => {
    const reviews = await freePort();
    await listen(reviews, { status: 'ok', service: 'reviews', instance: 'elsewhere' });
    const stale = createRunRecord(
      {
        pid: 2 ** 22 + 1, // above Linux's pid_max: never a live process
        instance: 'stale',
        mode: 'embedded',
        startedAt: '2026-12-01T00:00:00.000Z',
        ports: { reviews },
        processes: {},
      },
      runDir,
    );
    await stale.write();
    expect(await refusal([{ name: 'reviews', port: reviews }])).toEqual([
      `Port ${reviews} (reviews; REVIEWS_PORT moves it) is taken by a CineGraph reviews process that this checkout did not start (an older version, or another folder's): stop it, or set REVIEWS_PORT to a free port.`,
    ]);
    expect(await readdir(runDir)).not.toContain(path.basename(stale.file));
  });
});
