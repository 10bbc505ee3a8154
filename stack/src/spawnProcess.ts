import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bundleEntry } from './bundle.ts';
import { repoRoot } from './subgraphs.ts';

export interface RunningProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** The last lines the process printed, for error reports. */
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  entry: string;
  /** Command-line arguments after the entry. */
  args?: string[];
  port: number;
  env: Record<string, string>;
  /** Each output line, e.g. to print with a name prefix. Kept in a ring buffer regardless. */
  onLine?: (name: string, line: string) => void;
  readyTimeoutMs?: number;
}

const KEEP_LINES = 200;

/**
 * Starts a TypeScript entry under Node and resolves once its `/health` answers. Rejects,
 * with the process's last output, if it exits first. The entry runs as a bundle of our
 * own sources (`bundle.ts`: a process starts in half the CPU time of tsx's loader), or
 * under tsx with `CINEGRAPH_SPAWN=tsx`.
 */
export async function spawnProcess(options: SpawnOptions): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const program =
    process.env['CINEGRAPH_SPAWN'] === 'tsx'
      ? ['--import', 'tsx', options.entry]
      : ['--enable-source-maps', await bundleEntry(options.entry)];
  const child = spawn(process.execPath, [...program, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal reaches the supervisor only, which
    // then stops the processes one by one, gateway first. A signal to the whole group would
    // make each process begin its drain, and the supervisor's SIGTERM would cut it short.
    detached: true,
  });
  // Whatever ends the parent, no process is left behind.
  const killOnParentExit = () => child.kill('SIGKILL');
  process.once('exit', killOnParentExit);
  child.once('exit', () => process.removeListener('exit', killOnParentExit));
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      lines.push(line);
      if (lines.length > KEEP_LINES) lines.shift();
      options.onLine?.(options.name, line);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const output = () => lines.join('\n');

  // Generous: on a loaded machine (a test run starting two stacks on two cores) a process
  // may take half a minute to start.
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let running = true;
  void exited.then(() => (running = false));
  while (true) {
    if (!running) throw new Error(`${options.name} exited before it was ready:\n${output()}`);
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not healthy within the time allowed:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: options.name,
    url,
    child,
    output,
    async stop() {
      if (!running) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
