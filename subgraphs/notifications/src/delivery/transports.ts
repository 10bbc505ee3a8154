import type { Logger } from 'pino';
import type { NotificationChannel } from '../generated/prisma/client.ts';
import { createLogTransport } from './logTransport.ts';
import { createSmtpTransport } from './smtpTransport.ts';
import type { Transport } from './transport.ts';

export type Transports = Record<NotificationChannel, Transport>;

/**
 * One transport per channel, chosen by configuration: EMAIL goes through SMTP when
 * SMTP_URL is set. SMS and push have no provider yet, so they are recorded and logged.
 */
export function createTransports(
  config: { SMTP_URL?: string | undefined; MAIL_FROM: string },
  logger: Logger,
): Transports {
  const log = createLogTransport(logger);
  return {
    EMAIL: config.SMTP_URL
      ? createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : log,
    SMS: log,
    PUSH: log,
  };
}
