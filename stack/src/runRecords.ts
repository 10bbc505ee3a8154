import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './subgraphs.ts';

/**
 * What a running `npm start` leaves in `.cinegraph/run/<pid>.json`: its own pid, the
 * INSTANCE_ID its processes report on `/health`, its ports and its processes' pids. A
 * later start reads them to tell "an earlier CineGraph holds the port" (with the pids to
 * stop) from "another program does". Removed when the start stops; a record whose pids
 * are all gone is stale and removed by the next start that reads it.
 */
export interface RunRecord {
  pid: number;
  instance: string;
  mode: 'services' | 'embedded';
  startedAt: string;
  /** Port of each process by name (the web app's as `web`). */
  ports: Record<string, number>;
  /** Pid of each process by name, as it starts (embedded mode: none, all are `pid`). */
  processes: Record<string, number>;
}

const RUN_DIR = path.join(repoRoot, '.cinegraph', 'run');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pids of a record that still run: its supervisor first. */
export function livePids(record: RunRecord): number[] {
  return [...new Set([record.pid, ...Object.values(record.processes)])].filter(isAlive);
}

/** The records of starts that still have a process running; stale ones are removed. */
export async function readRunRecords(dir = RUN_DIR): Promise<RunRecord[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const records = await Promise.all(
    files
      .filter((file) => file.endsWith('.json'))
      .map(async (file) => {
        const record = await readFile(path.join(dir, file), 'utf8')
          .then((text) => JSON.parse(text) as RunRecord)
          .catch(() => undefined);
        if (record && livePids(record).length) return record;
        await rm(path.join(dir, file), { force: true });
        return undefined;
      }),
  );
  return records.filter((record): record is RunRecord => record !== undefined);
}

/** Writes this start's record (again, as processes start); `remove` deletes it. */
export function createRunRecord(record: RunRecord, dir = RUN_DIR) {
  const file = path.join(dir, `${record.pid}.json`);
  return {
    record,
    file,
    async write(): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    },
    async remove(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}
