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
      // What would have been sent, readable as it stands in a terminal.
      log.info(
        { notificationId: message.notificationId },
        `${message.channel.toLowerCase()} to ${message.to} (logged, not sent): ${message.subject}`,
      );
    },
  };
}
