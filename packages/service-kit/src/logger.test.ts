import { Writable } from 'node:stream';
import { fastify } from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggingOptions } from './logger.ts';

/** A Fastify app on a logger at `level` whose entries are collected. */
async function appLoggingAt(level: string) {
  const entries: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      entries.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  const app = fastify(loggingOptions(pino({ level }, sink)));
  app.get('/movies', async () => ({ ok: true }));
  app.get('/broken', async () => {
    throw new Error('boom');
  });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.ready();
  return { app, entries };
}

describe('request logs', () => {
  it('are not written at info: a terminal shows what happens to the system, not each request', async () => {
    const { app, entries } = await appLoggingAt('info');
    await app.inject({ url: '/movies' });
    expect(entries).toEqual([]);
    await app.close();
  });

  it('are written at debug, with the request id; probes never', async () => {
    const { app, entries } = await appLoggingAt('debug');
    await app.inject({ url: '/movies', headers: { 'x-request-id': 'req-1' } });
    await app.inject({ url: '/health' });
    expect(entries.map((entry) => [entry.level, entry.msg])).toEqual([
      [20, 'incoming request'],
      [20, 'request completed'],
    ]);
    expect(entries[0]).toMatchObject({ requestId: 'req-1' });
    await app.close();
  });

  it('keep a failed request at error, whatever the level', async () => {
    const { app, entries } = await appLoggingAt('info');
    await app.inject({ url: '/broken' });
    expect(entries.map((entry) => [entry.level, entry.msg])).toEqual([[50, 'boom']]);
    await app.close();
  });
});
