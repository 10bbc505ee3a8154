import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { bundleEntry } from './bundle.ts';
import { explainExitedProcess, StartupFailure } from './startupFailure.ts';
import { repoRoot } from './subgraphs.ts';

export interface RunningProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** The INSTANCE_ID it was given and reports on `/health`. */
  instance: string;
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
  /**
   * Each output line (a JSON log entry, or whatever else the process printed), e.g. to
   * print. Kept in a ring buffer regardless.
   */
  onLine?: (name: string, line: string, stream: 'stdout' | 'stderr') => void;
  readyTimeoutMs?: number;
}

const KEEP_LINES = 200;

/**
 * Starts a TypeScript entry under Node and resolves once its `/health` answers with the
 * INSTANCE_ID it was given (`env.INSTANCE_ID`, else a fresh one): an earlier process still
 * on the port does not pass for it. Rejects with a StartupFailure (a sentence, and the
 * process's last output) if it exits first. The entry runs as a bundle of our own sources
 * (`bundle.ts`: a process starts in half the CPU time of tsx's loader), or under tsx with
 * `CINEGRAPH_SPAWN=tsx`.
 *
 * The process gets an IPC channel, which it watches (runService): when this process goes,
 * however it goes, the kernel closes the channel and the child shuts down gracefully.
 * Its logs are JSON (LOG_FORMAT=json): whoever prints them decides how they look.
 */
export async function spawnProcess(options: SpawnOptions): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const program =
    process.env['CINEGRAPH_SPAWN'] === 'tsx'
      ? ['--import', 'tsx', options.entry]
      : ['--enable-source-maps', await bundleEntry(options.entry)];
  const instance = options.env['INSTANCE_ID'] ?? randomUUID();
  const child = spawn(process.execPath, [...program, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      ...options.env,
      INSTANCE_ID: instance,
      PORT: String(options.port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: a Ctrl-C in the terminal reaches the supervisor only, which
    // then stops the processes one by one, gateway first. A signal to the whole group would
    // make each process begin its drain, and the supervisor's SIGTERM would cut it short.
    detached: true,
  });
  // The channel is only there to close when this process goes: it must not keep it alive.
  child.channel?.unref();
  const lines: string[] = [];
  for (const [streamName, stream] of [
    ['stdout', child.stdout!],
    ['stderr', child.stderr!],
  ] as const) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > KEEP_LINES) lines.shift();
      options.onLine?.(options.name, line, streamName);
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
    if (!running)
      throw new StartupFailure(
        [explainExitedProcess(options.name, options.port, lines)],
        `${options.name}'s last output:\n${output()}`,
      );
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })
      .then(
        async (response) =>
          response.ok && ((await response.json()) as { instance?: unknown }).instance === instance,
      )
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new StartupFailure(
        [
          `${options.name} did not answer on port ${options.port} within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)} s, so it was stopped: its output below may say why.`,
        ],
        `${options.name}'s last output:\n${output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: options.name,
    url,
    child,
    instance,
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
