import getPort from 'get-port';

// Ports below Linux's ephemeral range (32768–60999 by default), in a block of their own
// per Vitest worker. A port handed out by the kernel's "any free port" is an ephemeral one,
// and between the check and the listen the kernel may give it to an outgoing connection
// (to PostgreSQL, Redis, a subgraph) of any process, or another worker may be handed it
// too: CI saw `EADDRINUSE` from a gateway spawned on such a port. Ephemeral ports never come
// from this range, and no two workers share a block.
const FIRST = 20_000;
const BLOCK = 500;
const BLOCKS = 24; // 20,000 up to 31,999

let cursor = 0;

/**
 * A free TCP port for a server a test (or a benchmark) starts. Within a process, ports are
 * handed out in turn through the block, so a port is not handed out again until 500 others
 * have been: long enough for any process given it to have bound it.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env['VITEST_POOL_ID'] ?? 0);
  const first = FIRST + (worker % BLOCKS) * BLOCK;
  const candidates = Array.from({ length: BLOCK }, (_, i) => first + ((cursor + i) % BLOCK));
  const port = await getPort({ port: candidates });
  if (port >= first && port < first + BLOCK) cursor = (port - first + 1) % BLOCK;
  return port;
}
