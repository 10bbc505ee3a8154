import path from 'node:path';
import { pino } from 'pino';
import type { SMTPServerDataStream } from 'smtp-server';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createEnvelope, eventConsumers } from '@cinegraph/events';
import { createPrismaClient } from '@cinegraph/service-kit';
import { eventually, freePort, uniqueId, useTestDatabase } from '@cinegraph/testing';
import { startDeliveryWorker } from '../src/delivery/deliveryWorker.ts';
import { createTransports } from '../src/delivery/transports.ts';
import { handlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/notifications/migrations'),
);
const logger = pino({ level: 'silent' });
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 4);
});
afterAll(async () => {
  await db?.$disconnect();
});

function registration() {
  const id = uniqueId();
  return createEnvelope('user.registered', {
    userId: crypto.randomUUID(),
    email: `${id}@example.test`,
    displayName: `Reader ${id}`,
  });
}

async function deliverRegistration(event = registration()) {
  await db.$transaction((tx) => handlers['user.registered'](tx, event));
  return event;
}

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtpServer(options: { rejectRecipient?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient)
        return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${port}`, received };
}

describe('the notifications consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(handlers).sort()).toEqual([...eventConsumers.notifications].sort());
  });

  it('records a welcome email for a registration, once however often it arrives', async () => {
    const event = await deliverRegistration();
    await deliverRegistration(event);
    const rows = await db.notification.findMany({ where: { userId: event.data.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'EMAIL',
      template: 'welcome',
      status: 'PENDING',
      address: event.data.email,
      eventId: event.id,
    });
    expect(await db.recipient.findUnique({ where: { userId: event.data.userId } })).toMatchObject({
      email: event.data.email,
    });
  });

  it('sends the ticket once: a restated booking.confirmed sends nothing', async () => {
    const { data } = await deliverRegistration();
    const confirmed = {
      bookingId: crypto.randomUUID(),
      userId: data.userId,
      showtimeId: crypto.randomUUID(),
      movieTitle: 'Heat',
      theaterName: 'The Electric',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'Europe/London',
      seats: ['A1'],
      amountCents: 1_500,
      currency: 'GBP',
    };
    const apply = (event: ReturnType<typeof createEnvelope<'booking.confirmed'>>) =>
      db.$transaction((tx) => handlers['booking.confirmed'](tx, event));
    await apply(createEnvelope('booking.confirmed', confirmed));
    await apply(createEnvelope('booking.confirmed', { ...confirmed, restated: true }));
    const tickets = await db.notification.findMany({
      where: { userId: data.userId, template: 'ticket' },
    });
    expect(tickets.length).toBeGreaterThan(0);
    expect(new Set(tickets.map((ticket) => ticket.channel)).size).toBe(tickets.length);
  });

  it('sends nothing on a channel the user turned off', async () => {
    const event = registration();
    await db.notificationPreference.create({
      data: { userId: event.data.userId, channel: 'EMAIL', enabled: false },
    });
    await deliverRegistration(event);
    expect(await db.notification.count({ where: { userId: event.data.userId } })).toBe(0);
  });
});

describe('delivery', () => {
  it('sends email through the SMTP server that SMTP_URL names', async () => {
    const smtp = await startSmtpServer();
    const event = await deliverRegistration();
    const worker = startDeliveryWorker({
      db,
      transports: createTransports(
        { SMTP_URL: smtp.url, MAIL_FROM: 'CineGraph <hello@cinegraph.dev>' },
        logger,
      ),
      logger,
      maxAttempts: 3,
      pollIntervalMs: 60_000,
    });
    onTestFinished(() => worker.stop());
    worker.wake();

    const sent = await eventually(
      async () => {
        const row = await db.notification.findFirst({ where: { userId: event.data.userId } });
        return row?.status === 'SENT' ? row : undefined;
      },
      15_000,
      'the notification to be SENT',
    );
    expect(sent.sentAt).toBeInstanceOf(Date);
    const mail = smtp.received.find((m) => m.to.includes(event.data.email));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('hello@cinegraph.dev');
    expect(mail!.raw).toContain(`Subject: Welcome to CineGraph, ${event.data.displayName}`);
    expect(mail!.raw).toMatch(new RegExp(`^X-CineGraph-Notification: ${sent.id}$`, 'im'));
    expect(mail!.raw).toContain(`Hello ${event.data.displayName}`);
  });

  it('retries a refused delivery later, and marks it FAILED after the last attempt', async () => {
    const smtp = await startSmtpServer({ rejectRecipient: true });
    const event = await deliverRegistration();
    const worker = startDeliveryWorker({
      db,
      transports: createTransports(
        { SMTP_URL: smtp.url, MAIL_FROM: 'hello@cinegraph.dev' },
        logger,
      ),
      logger,
      maxAttempts: 2,
      pollIntervalMs: 60_000,
    });
    onTestFinished(() => worker.stop());
    worker.wake();

    const retrying = await eventually(
      async () => {
        const row = await db.notification.findFirst({ where: { userId: event.data.userId } });
        return row && row.attempts === 1 ? row : undefined;
      },
      15_000,
      'the first attempt',
    );
    expect(retrying.status).toBe('PENDING');
    expect(retrying.lastError).toMatch(/mailbox unavailable/);
    expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Make the retry due now rather than in 30 s.
    await db.notification.update({
      where: { id: retrying.id },
      data: { nextAttemptAt: new Date() },
    });
    worker.wake();
    const failed = await eventually(
      async () => {
        const row = await db.notification.findUnique({ where: { id: retrying.id } });
        return row?.status === 'FAILED' ? row : undefined;
      },
      15_000,
      'the notification to be FAILED',
    );
    expect(failed.attempts).toBe(2);
    expect(smtp.received).toEqual([]);
  });
});
