import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';

/** A lock not refreshed for this long is taken to belong to a process that died. */
const LOCK_STALE_MS = 60_000;

/**
 * An append-only file of JSON lines: what the in-process bus must find again after a
 * restart. Appends are buffered and written together on the next turn of the event loop;
 * `sync()` resolves once everything appended so far is written and flushed to the disk
 * (fdatasync), which is when the bus confirms a publish.
 */
export class Journal<Record> {
  private buffer: string[] = [];
  private pendingRewrite: string[] | null = null;
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private closed = false;
  /** Records appended since the journal was last rewritten (to decide on compaction). */
  appendedSinceRewrite = 0;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    private readonly unlock: () => Promise<void>,
  ) {}

  /**
   * Opens (creating) the journal and returns it with the records it holds. A journal has
   * one owner: another process holding it is an error (two writers would interleave).
   */
  static async open<Record>(
    file: string,
  ): Promise<{ journal: Journal<Record>; records: Record[] }> {
    await mkdir(path.dirname(file), { recursive: true });
    const unlock = await lock(file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 4,
      // A long synchronous stretch (PGlite's initdb) can delay a refresh; that is not a
      // reason to crash, which the library's default would do.
      onCompromised: () => {},
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ELOCKED') throw error;
      throw new Error(
        `the bus journal ${file} is in use by another process (or by one that stopped less than a minute ago without releasing it)`,
      );
    });
    try {
      const records = parseRecords<Record>(file, await readJournal(file));
      return { journal: new Journal<Record>(file, await open(file, 'a'), unlock), records };
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  append(record: Record): void {
    if (this.closed) throw new Error('the journal is closed');
    this.buffer.push(`${JSON.stringify(record)}\n`);
    this.appendedSinceRewrite++;
    this.schedule();
  }

  /**
   * Replaces the whole journal with these records (compaction), in order with the writes
   * before and after: what was appended before this call is dropped, as the records given
   * must already account for it.
   */
  rewrite(records: readonly Record[]): void {
    this.buffer = [];
    this.pendingRewrite = records.map((record) => `${JSON.stringify(record)}\n`);
    this.appendedSinceRewrite = 0;
    this.schedule();
  }

  /** Resolves once every record appended so far is on disk. */
  sync(): Promise<void> {
    return this.buffer.length || this.pendingRewrite ? this.flush() : this.chain;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.sync().catch(() => {});
    this.closed = true;
    await this.handle.close();
    await this.unlock().catch(() => {});
  }

  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush().catch(() => {}); // sync() reports a failed write to whoever waits
    });
  }

  private flush(): Promise<void> {
    const lines = this.buffer;
    const rewrite = this.pendingRewrite;
    this.buffer = [];
    this.pendingRewrite = null;
    // A failed write fails its own waiters; the next write tries again.
    const write = this.chain
      .catch(() => {})
      .then(async () => {
        if (rewrite) {
          const next = `${this.file}.next`;
          const handle = await open(next, 'w');
          try {
            await handle.writeFile(rewrite.join(''));
            await handle.datasync();
          } finally {
            await handle.close();
          }
          await rename(next, this.file);
          await this.handle.close();
          this.handle = await open(this.file, 'a');
        }
        if (lines.length) {
          await this.handle.appendFile(lines.join(''));
          await this.handle.datasync();
        }
      });
    this.chain = write;
    return write;
  }
}

async function readJournal(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
}

function parseRecords<Record>(file: string, text: string): Record[] {
  const records: Record[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as Record);
    } catch (error) {
      // A crash can cut the last line short; it was never confirmed. Anything else is damage.
      if (index >= lines.length - 2) break;
      throw new Error(`${file}:${index + 1} is not a journal record`, { cause: error });
    }
  }
  return records;
}
