import type { LogFormat } from '@cinegraph/service-kit';
import { createLinePrettifier } from '@cinegraph/service-kit';
import { StartupFailure } from './startupFailure.ts';

export type OutputStream = 'stdout' | 'stderr';

/** Whether a line is one of pino's JSON entries (as every process of ours writes). */
function isLogEntry(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    return typeof (JSON.parse(line) as { level?: unknown }).level === 'number';
  } catch {
    return false;
  }
}

/**
 * Prints the supervisor's processes' output in one format: each JSON entry as it came
 * (`json`) or pretty (`pretty`, prettyLogs.ts). A line that is not an entry (Node's own
 * warnings, a crash report) becomes one, of its process, at `info` from stdout and `warn`
 * from stderr, so that a machine reading JSON never meets a line it cannot parse.
 */
export function createOutputPrinter(
  format: LogFormat,
  write: (text: string) => void = (text) => process.stdout.write(text),
): (name: string, line: string, stream?: OutputStream) => void {
  const prettify = format === 'pretty' ? createLinePrettifier() : undefined;
  return (name, line, stream = 'stdout') => {
    const entry = isLogEntry(line)
      ? line
      : JSON.stringify({
          level: stream === 'stderr' ? 40 : 30,
          time: Date.now(),
          service: name,
          msg: line,
        });
    write(`${prettify ? prettify(entry) : entry}\n`);
  };
}

/**
 * A failed start as a person reads it (`pretty`: the sentences, then the details, each
 * log entry among them pretty) or as one `fatal` JSON entry with `causes` and `details`.
 */
export function formatStartupFailure(error: unknown, format: LogFormat): string {
  const failure =
    error instanceof StartupFailure
      ? error
      : new StartupFailure(
          [
            `CineGraph stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}.`,
          ],
          (error as Error)?.stack ?? '',
        );
  if (format === 'json')
    return `${JSON.stringify({
      level: 60,
      time: Date.now(),
      service: 'start',
      msg: 'CineGraph could not start',
      causes: failure.causes,
      details: failure.details || undefined,
    })}\n`;
  const prettify = createLinePrettifier();
  const details = failure.details
    .split('\n')
    .filter(Boolean)
    .map((line) => `  ${isLogEntry(line) ? prettify(line).replace(/\n/g, '\n  ') : line}`);
  return [
    '',
    'CineGraph could not start.',
    ...failure.causes.map((cause) => `  - ${cause}`),
    ...(details.length ? ['', 'Details:', ...details] : []),
    '',
  ].join('\n');
}
