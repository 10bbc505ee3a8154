import { createTransport } from 'nodemailer';
import type { Transport } from './transport.ts';

export interface SmtpOptions {
  /** smtp://user:pass@host:port (STARTTLS when offered) or smtps:// (TLS from the start). */
  url: string;
  from: string;
}

/** Sends EMAIL notifications as plain-text mail through an SMTP server (nodemailer). */
export function createSmtpTransport(options: SmtpOptions): Transport {
  const mailer = createTransport(
    {
      url: options.url,
      // A stalled server must not hold a delivery (and its row lock) forever.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: options.from },
  );
  return {
    name: 'smtp',
    async send(message) {
      await mailer.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.body,
        headers: { 'X-CineGraph-Notification': message.notificationId },
      });
    },
    async close() {
      mailer.close();
    },
  };
}
