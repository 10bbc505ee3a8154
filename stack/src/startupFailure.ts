/**
 * Why a start failed: one plain sentence per cause (which process, what failed, what to
 * do), then the details behind them (a process's last output, a stack). `npm start`
 * prints the sentences first, so the fix is on screen before the evidence.
 */
export class StartupFailure extends Error {
  override name = 'StartupFailure';

  constructor(
    readonly causes: string[],
    readonly details = '',
  ) {
    super(causes.join(' '));
  }
}

/** The variable that moves a process's port (`MOVIES_PORT`, `WEB_PORT`, ...). */
export function portVariableOf(name: string): string {
  return `${name.toUpperCase()}_PORT`;
}

/** Well-known ports a process may fail to reach, and the variable that points elsewhere. */
const DEPENDENCIES: Record<string, { name: string; variable: string }> = {
  '5432': { name: 'PostgreSQL', variable: 'POSTGRES_URL' },
  '6379': { name: 'Redis', variable: 'REDIS_URL' },
  '5672': { name: 'RabbitMQ', variable: 'AMQP_URL' },
};

interface LoggedError {
  message?: string;
  code?: string;
}

/** The last error or fatal entry among a process's JSON log lines, if any. */
function lastLoggedError(lines: string[]): { msg: string; err?: LoggedError } | undefined {
  for (const line of [...lines].reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: LoggedError };
      if ((entry.level ?? 0) >= 50)
        return { msg: entry.msg ?? '', ...(entry.err ? { err: entry.err } : {}) };
    } catch {
      // Not a log entry: printed by something else (Node's own crash report, say).
    }
  }
  return undefined;
}

/** Node's report of an uncaught error: its `Error: message` line. */
function lastThrownMessage(lines: string[]): string | undefined {
  return [...lines].reverse().find((line) => /^\w*(Error|Exception)\b.*:/.test(line));
}

/**
 * The sentence for a process that exited before it was ready, from its output: a port
 * taken meanwhile, a dependency that does not answer, or what it logged last.
 */
export function explainExitedProcess(name: string, port: number, lines: string[]): string {
  const logged = lastLoggedError(lines);
  const message = logged?.err?.message ?? lastThrownMessage(lines) ?? logged?.msg;
  if (logged?.err?.code === 'EADDRINUSE')
    return `${name} could not listen on port ${port}, which another program took while CineGraph started: stop that program, or set ${portVariableOf(name)} to a free port.`;
  const refused = /ECONNREFUSED (\S+):(\d+)/.exec(message ?? '');
  const dependency = refused ? DEPENDENCIES[refused[2]!] : undefined;
  if (refused && dependency)
    return `${name} could not reach ${dependency.name} at ${refused[1]}:${refused[2]}: start it, or point ${dependency.variable} at a running one (or run CINEGRAPH_MODE=embedded npm start, which needs none).`;
  const invalid = lines.indexOf('Invalid configuration:');
  if (invalid >= 0) {
    const problems = lines.slice(invalid + 1).filter((line) => line.startsWith('  '));
    return `${name} refused its configuration (${problems.map((line) => line.trim()).join('; ')}): fix the variables it names.`;
  }
  return message
    ? `${name} stopped while starting: ${message.split('\n')[0]}. Its output below says more.`
    : `${name} stopped while starting without saying why: its output below is all there is.`;
}
