import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';

// Ports for the servers tests and benchmarks start, chosen so that two never collide:
// - below Linux's ephemeral range (32768–60999 by default): a port the kernel hands out as
//   "any free port" is an ephemeral one, and between the check and the listen it may give
//   it to an outgoing connection (to PostgreSQL, Redis, a subgraph) of any process. CI saw
//   `EADDRINUSE` from a gateway spawned on such a port;
// - reserved across processes (Vitest runs test files in parallel processes, each spawning
//   stacks): a port is taken by creating a file named after it, exclusively, in a shared
//   folder; a reservation lapses after ten minutes, long after its process has listened.
const FIRST = 20_000;
const LAST = 31_999;
const RESERVATIONS = path.join(tmpdir(), 'cinegraph-test-ports');
const HELD_MS = 10 * 60_000;

/** A free TCP port, reserved for this caller, for a server a test or a benchmark starts. */
export async function freePort(): Promise<number> {
  await mkdir(RESERVATIONS, { recursive: true });
  const span = LAST - FIRST + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = FIRST + ((start + i) % span);
    if ((await reserve(port)) && (await getPort({ port })) === port) return port;
  }
  throw new Error(`No free port between ${FIRST} and ${LAST}.`);
}

/** Whether this process now holds the port's reservation (it was free, or had lapsed). */
async function reserve(port: number): Promise<boolean> {
  const file = path.join(RESERVATIONS, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await stat(file).then(
        (found) => Date.now() - found.mtimeMs < HELD_MS,
        () => false,
      );
      if (held) return false;
      // Lapsed: remove it and race for it again (only one exclusive create wins).
      await unlink(file).catch(() => undefined);
    }
  }
  return false;
}
