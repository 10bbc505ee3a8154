import { MemoryBusServer } from './memoryBusServer.ts';

/*
 * The process's in-process buses, by name. `memory://<name>[?journal=<file>]`: every
 * connection in a process naming the same bus shares it, as processes share a RabbitMQ.
 */

/** A bus open in this process, with how many acquired it and have not released it yet. */
interface RegisteredBus {
  server: MemoryBusServer;
  journalFile: string | null;
  users: number;
}

const buses = new Map<string, Promise<RegisteredBus>>();

function parseBusUrl(url: string): { name: string; journalFile: string | null } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'memory:') throw new Error(`not an in-process bus URL: ${url}`);
  const name = decodeURIComponent(parsed.host + parsed.pathname) || 'default';
  return { name, journalFile: parsed.searchParams.get('journal') };
}

/**
 * The process's bus of that name, opened (and its journal replayed) on first use. A bus
 * with a journal is closed when its last user releases it; reopening replays the journal.
 * One without lives as long as the process, like a broker that stays up.
 */
export async function acquireMemoryBus(
  url: string,
): Promise<{ server: MemoryBusServer; release: () => Promise<void> }> {
  const { name, journalFile } = parseBusUrl(url);
  let entry = buses.get(name);
  if (!entry) {
    entry = MemoryBusServer.open(name, journalFile).then((server) => ({
      server,
      journalFile,
      users: 0,
    }));
    buses.set(name, entry);
    entry.catch(() => buses.delete(name));
  }
  const registered = await entry;
  if (registered.journalFile !== journalFile)
    throw new Error(`the in-process bus ${name} is open with another journal`);
  registered.users++;
  let released = false;
  return {
    server: registered.server,
    async release() {
      if (released) return;
      released = true;
      if (--registered.users > 0 || !registered.journalFile) return;
      buses.delete(name);
      await registered.server.close();
    },
  };
}

/** Has the named in-process bus drop the connections of that name (see dropConnections). */
export async function dropMemoryBusConnections(
  url: string,
  connectionName: string,
): Promise<number> {
  const entry = buses.get(parseBusUrl(url).name);
  return entry ? (await entry).server.dropConnections(connectionName) : 0;
}
