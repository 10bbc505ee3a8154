import { createServer } from 'node:net';
import type { RunRecord } from './runRecords.ts';
import { livePids, readRunRecords } from './runRecords.ts';
import { portVariableOf, StartupFailure } from './startupFailure.ts';

/** A port a start will listen on: whose it is (`movies`, `web`) and the number. */
export interface PortUse {
  name: string;
  port: number;
}

/** What `/health` says on a taken port when a CineGraph process holds it. */
interface CineGraphHealth {
  service: string;
  instance: string;
}

const HEALTH_TIMEOUT_MS = 1_000;

/** Whether something listens on the port already: our own listen would then fail. */
async function isTaken(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(true) : reject(error),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

async function healthOf(port: number, host: string): Promise<CineGraphHealth | undefined> {
  try {
    const response = await fetch(`http://${host}:${port}/health`, {
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    const body = (await response.json()) as Partial<CineGraphHealth>;
    return typeof body.service === 'string' && typeof body.instance === 'string'
      ? { service: body.service, instance: body.instance }
      : undefined;
  } catch {
    return undefined;
  }
}

const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const describeUse = (use: PortUse) =>
  `${use.port} (${use.name === 'web' ? 'the web app' : use.name}; ${portVariableOf(use.name)} moves it)`;

/** Which earlier CineGraph, and how to stop it: its npm start if alive, else what it left. */
function describeRecord(record: RunRecord, uses: PortUse[]): string {
  const started = `started ${new Date(record.startedAt).toLocaleTimeString('en-GB')} in ${record.mode} mode`;
  const order = (name: string) => uses.findIndex((use) => use.name === name);
  const processes = Object.entries(record.processes)
    .filter(([, pid]) => pid !== record.pid)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([name, pid]) => `${name} ${pid}`);
  const alive = livePids(record);
  if (alive.includes(record.pid))
    return `npm start pid ${record.pid}, ${started}${processes.length ? ` (${processes.join(', ')})` : ''}. Stop it with Ctrl-C in its terminal or \`kill ${record.pid}\`, or give this start other ports with the variables named.`;
  return `its npm start (pid ${record.pid}, ${started}) is gone but some of its processes are not. Stop them with \`kill ${alive.join(' ')}\`.`;
}

/**
 * Checks, before anything is migrated or spawned, that every port this start needs is
 * free, and that no other start (still migrating, say) was given one of them. Throws a
 * StartupFailure naming each taken port, the variable that moves it, and what holds it:
 * an earlier CineGraph (with its pids and how to stop it) or another program.
 */
export async function checkPorts(
  uses: PortUse[],
  options: { host?: string; runDir?: string } = {},
): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  const taken = (
    await Promise.all(uses.map(async (use) => ((await isTaken(use.port, host)) ? use : undefined)))
  ).filter((use): use is PortUse => use !== undefined);
  const records = (await readRunRecords(options.runDir)).filter(
    (record) => record.pid !== process.pid,
  );
  // A start that has not opened its ports yet (it migrates first) holds them all the same.
  const claimedBy = (use: PortUse) =>
    records.find((record) => Object.values(record.ports).includes(use.port));
  const claimed = uses.filter((use) => !taken.includes(use) && claimedBy(use));
  if (!taken.length && !claimed.length) return;

  const byRecord = new Map<RunRecord, PortUse[]>();
  const strangers: { use: PortUse; health?: CineGraphHealth }[] = [];
  for (const use of [...taken, ...claimed]) {
    const health = taken.includes(use) ? await healthOf(use.port, host) : undefined;
    const record =
      (health && records.find((candidate) => candidate.instance === health.instance)) ??
      claimedBy(use);
    if (record) byRecord.set(record, [...(byRecord.get(record) ?? []), use]);
    else strangers.push({ use, ...(health ? { health } : {}) });
  }

  const causes: string[] = [];
  for (const [record, held] of byRecord) {
    // In the order given (the web app, the gateway, then the subgraphs).
    const ports = uses.filter((use) => held.includes(use));
    const named = ports.map((use) => `${use.port} (${portVariableOf(use.name)})`);
    causes.push(
      `${ports.length > 1 ? 'Ports' : 'Port'} ${list(named)} ${ports.length > 1 ? 'are' : 'is'} taken by an earlier CineGraph that is still running: ${describeRecord(record, uses)}`,
    );
  }
  for (const { use, health } of strangers) {
    const variable = portVariableOf(use.name);
    causes.push(
      health
        ? `Port ${describeUse(use)} is taken by a CineGraph ${health.service} process that this checkout did not start (an older version, or another folder's): stop it, or set ${variable} to a free port.`
        : `Port ${describeUse(use)} is taken by another program: stop it, or set ${variable} to a free port (\`lsof -i :${use.port}\` or \`ss -ltnp\` names the program).`,
    );
  }
  throw new StartupFailure(causes);
}
