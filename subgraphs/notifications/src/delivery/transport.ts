import type { NotificationChannel } from '../generated/prisma/client.ts';

export interface OutgoingMessage {
  notificationId: string;
  channel: NotificationChannel;
  /** An email address for EMAIL, a phone number for SMS, a user id for PUSH. */
  to: string;
  subject: string;
  body: string;
}

/** Hands a message to a provider. Throws when the provider refuses or cannot be reached. */
export interface Transport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}
