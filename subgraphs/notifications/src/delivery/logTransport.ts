import type { Logger } from 'pino';
import type { Transport } from './transport.ts';

/**
 * The development transport: the notification row is the record of the message, and the
 * log says what would have been sent.
 */
export function createLogTransport(logger: Logger): Transport {
  const log = logger.child({ component: 'log-transport' });
  return {
    name: 'log',
    async send(message) {
      log.info(
        {
          notificationId: message.notificationId,
          channel: message.channel,
          to: message.to,
          subject: message.subject,
        },
        'notification delivered (log transport)',
      );
    },
  };
}
