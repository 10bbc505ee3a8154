import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConsumeMessage } from 'amqplib';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { eventually, uniqueId } from '@cinegraph/testing';
import type { BusChannel, BusModel } from '../src/index.ts';
import { openBusModel } from '../src/index.ts';
import { busImplementations } from './useEventsHarness.ts';

/**
 * The AMQP behaviour the events package relies on, held against RabbitMQ and the
 * in-process bus alike (the consumer and relay tests cover the rest through the package).
 */
describe.each(busImplementations())('the bus ($name)', ({ url }) => {
  const prefix = `cg_test_${uniqueId()}.`;
  const exchange = `${prefix}x`;
  const queues: string[] = [];

  async function connection(): Promise<BusModel> {
    const model = await openBusModel(url, `${prefix}test`);
    onTestFinished(() => model.close().catch(() => {}));
    return model;
  }
  async function queue(channel: BusChannel, name: string, args?: Record<string, unknown>) {
    queues.push(`${prefix}${name}`);
    await channel.assertQueue(`${prefix}${name}`, {
      durable: true,
      ...(args ? { arguments: args } : {}),
    });
    return `${prefix}${name}`;
  }
  const bodies = (messages: ConsumeMessage[]) => messages.map((m) => m.content.toString());

  afterAll(async () => {
    const model = await openBusModel(url, `${prefix}cleanup`);
    const channel = await model.createChannel();
    for (const name of queues) await channel.deleteQueue(name);
    await channel.deleteExchange(exchange);
    await model.close();
  });

  it('routes by topic pattern (* one word, # any number) and by queue name on the default exchange', async () => {
    const channel = await (await connection()).createConfirmChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    const star = await queue(channel, 'star');
    const hash = await queue(channel, 'hash');
    await channel.bindQueue(star, exchange, 'booking.*');
    await channel.bindQueue(hash, exchange, 'booking.#');
    for (const key of ['booking.confirmed', 'booking.seat.released', 'payment.failed'])
      channel.publish(exchange, key, Buffer.from(key), { persistent: true });
    channel.publish('', star, Buffer.from('direct'), { persistent: true });
    await channel.waitForConfirms();

    const drain = async (name: string) => {
      const got: string[] = [];
      for (let m = await channel.get(name); m; m = await channel.get(name)) {
        got.push(m.content.toString());
        channel.ack(m);
      }
      return got;
    };
    expect(await drain(star)).toEqual(['booking.confirmed', 'direct']);
    expect(await drain(hash)).toEqual(['booking.confirmed', 'booking.seat.released']);
  });

  it('delivers user_id as sent by its connection’s user, and closes the channel on any other', async () => {
    const model = await connection();
    const channel = await model.createConfirmChannel();
    const name = await queue(channel, 'user-id');
    // openBusModel's user on the in-process bus is its name; RabbitMQ's is the URL's.
    const self = url.startsWith('memory:') ? `${prefix}test` : 'guest';
    channel.publish('', name, Buffer.from('mine'), { persistent: true, userId: self });
    await channel.waitForConfirms();
    const got = await channel.get(name);
    expect(got && got.properties.userId).toBe(self);
    if (got) channel.ack(got);

    const closed = new Promise((resolve) => channel.once('close', resolve));
    channel.on('error', () => {});
    channel.publish('', name, Buffer.from('forged'), { persistent: true, userId: 'payments' });
    await expect(channel.waitForConfirms()).rejects.toThrow();
    await closed;
    const reader = await model.createChannel();
    expect(await reader.get(name)).toBe(false);
  });

  it('gives a closed channel’s unacknowledged deliveries back in order, marked redelivered, within prefetch', async () => {
    const model = await connection();
    const producer = await model.createConfirmChannel();
    const name = await queue(producer, 'prefetch');
    for (const n of [1, 2, 3, 4, 5])
      producer.publish('', name, Buffer.from(String(n)), { persistent: true });
    await producer.waitForConfirms();

    const first = await model.createChannel();
    await first.prefetch(2);
    const held: ConsumeMessage[] = [];
    await first.consume(name, (m) => m && held.push(m));
    await eventually(async () => (held.length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bodies(held)).toEqual(['1', '2']); // no more than the prefetch while unacknowledged
    first.ack(held[0]!);
    await eventually(async () => (held.length === 3 ? true : undefined));
    await first.close(); // 2 and 3 were never acknowledged

    const second = await model.createChannel();
    const redelivered: ConsumeMessage[] = [];
    await second.consume(name, (m) => {
      if (!m) return;
      redelivered.push(m);
      second.ack(m);
    });
    await eventually(async () => (redelivered.length === 4 ? true : undefined));
    expect(bodies(redelivered)).toEqual(['2', '3', '4', '5']);
    expect(redelivered.map((m) => m.fields.redelivered)).toEqual([true, true, false, false]);
  });

  it('dead-letters a message whose queue TTL ran out, by the dead-letter routing key', async () => {
    const channel = await (await connection()).createConfirmChannel();
    const target = await queue(channel, 'after-ttl');
    const holding = await queue(channel, 'holding', {
      'x-message-ttl': 150,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': target,
    });
    const sentAt = Date.now();
    channel.publish('', holding, Buffer.from('later'), {
      persistent: true,
      messageId: 'm-1',
      headers: { 'cg-attempts': 1 },
    });
    await channel.waitForConfirms();
    expect((await channel.checkQueue(holding)).messageCount).toBe(1);

    const moved = await eventually(async () => (await channel.get(target)) || undefined);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(140);
    expect(moved.content.toString()).toBe('later');
    expect(moved.properties.messageId).toBe('m-1');
    expect(moved.properties.headers?.['cg-attempts']).toBe(1);
    channel.ack(moved);
    expect((await channel.checkQueue(holding)).messageCount).toBe(0);
  });

  it('refuses a queue redeclared with other arguments, closing the channel; the connection lives on', async () => {
    const model = await connection();
    const channel = await model.createChannel();
    const name = await queue(channel, 'strict', { 'x-message-ttl': 1000 });
    const closed = new Promise<void>((resolve) => channel.once('close', () => resolve()));
    channel.on('error', () => {});
    await expect(
      channel.assertQueue(name, { durable: true, arguments: { 'x-message-ttl': 2000 } }),
    ).rejects.toThrow(/PRECONDITION_FAILED|inequivalent/);
    await closed;
    await expect(channel.checkQueue(name)).rejects.toThrow();
    const next = await model.createChannel();
    expect((await next.checkQueue(name)).queue).toBe(name);
  });

  it('fails a missing queue with NOT_FOUND', async () => {
    const channel = await (await connection()).createChannel();
    channel.on('error', () => {});
    await expect(channel.checkQueue(`${prefix}missing`)).rejects.toThrow(/NOT_FOUND|404/);
  });
});

describe('the in-process bus journal', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function busUrl(): Promise<{ url: string; journal: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'cg_test_journal_'));
    dirs.push(dir);
    const journal = path.join(dir, 'bus.journal');
    return { url: `memory://cg_test_${uniqueId()}?journal=${journal}`, journal };
  }

  it('keeps the topology, waiting and unacknowledged messages, and a pending TTL across a restart', async () => {
    const { url } = await busUrl();
    let model = await openBusModel(url, 'before');
    let channel = await model.createConfirmChannel();
    await channel.assertExchange('events', 'topic', { durable: true });
    await channel.assertQueue('work', { durable: true });
    await channel.bindQueue('work', 'events', 'user.*');
    await channel.assertQueue('retry', {
      durable: true,
      arguments: {
        'x-message-ttl': 400,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': 'work',
      },
    });
    for (const n of [1, 2, 3])
      channel.publish('events', 'user.registered', Buffer.from(`event ${n}`), {
        persistent: true,
        messageId: `id-${n}`,
      });
    channel.publish('events', 'user.registered', Buffer.from('transient'), { persistent: false });
    channel.publish('', 'retry', Buffer.from('retried'), { persistent: true });
    await channel.waitForConfirms();
    const first = await channel.get('work');
    const second = await channel.get('work');
    if (!first || !second) throw new Error('expected two messages');
    channel.ack(first); // done; `second` is held, unacknowledged, when the process stops
    await model.close(); // the last user: the bus closes, as a process that stops

    model = await openBusModel(url, 'after');
    channel = await model.createConfirmChannel();
    const seen: { body: string; redelivered: boolean }[] = [];
    await channel.consume('work', (m) => {
      if (!m) return;
      seen.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
      channel.ack(m);
    });
    await eventually(async () => (seen.length === 3 ? true : undefined));
    expect(seen.map((s) => s.body)).toEqual(['event 2', 'event 3', 'retried']);
    expect(seen[0]!.redelivered).toBe(true);
    // The binding survived: a new event is routed as before.
    channel.publish('events', 'user.deleted', Buffer.from('new'), { persistent: true });
    await channel.waitForConfirms();
    await eventually(async () => (seen.length === 4 ? true : undefined));
    await model.close();
  });

  it('ignores a last line cut short by a crash, and compacts what it replays', async () => {
    const { url, journal } = await busUrl();
    const model = await openBusModel(url, 'writer');
    const channel = await model.createConfirmChannel();
    await channel.assertQueue('q', { durable: true });
    for (let n = 0; n < 50; n++)
      channel.publish('', 'q', Buffer.from(String(n)), { persistent: true });
    await channel.waitForConfirms();
    for (let n = 0; n < 49; n++) {
      const m = await channel.get('q');
      if (m) channel.ack(m);
    }
    await model.close();
    await appendFile(journal, '{"t":"message","queue":"q","seq":999,"bo');

    const reopened = await openBusModel(url, 'reader');
    const again = await reopened.createChannel();
    expect((await again.checkQueue('q')).messageCount).toBe(1);
    const last = await again.get('q');
    expect(last && last.content.toString()).toBe('49');
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(3); // the queue, the message (and its removal)
    await reopened.close();
  });

  it('has one owner: a second bus on the same journal is refused while the first is open', async () => {
    const { url, journal } = await busUrl();
    const owner = await openBusModel(url, 'owner');
    const other = `memory://cg_test_${uniqueId()}?journal=${journal}`;
    await expect(openBusModel(other, 'intruder')).rejects.toThrow(/in use by another process/);
    await owner.close(); // the last user: the bus closes and lets go of its journal
    const next = await openBusModel(other, 'next');
    await next.close();
  });
});
