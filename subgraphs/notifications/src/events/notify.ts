import type { NotificationChannel, Prisma } from '../generated/prisma/client.ts';
import type { RenderedMessage, TemplateName, TemplateValues } from '../templates/index.ts';
import { templates } from '../templates/index.ts';

export type Tx = Prisma.TransactionClient;

/** The channels a user has not turned off. */
export async function enabledChannels(
  tx: Tx,
  userId: string,
  channels: readonly NotificationChannel[],
): Promise<NotificationChannel[]> {
  const off = await tx.notificationPreference.findMany({
    where: { userId, channel: { in: [...channels] }, enabled: false },
    select: { channel: true },
  });
  const disabled = new Set(off.map((preference) => preference.channel));
  return channels.filter((channel) => !disabled.has(channel));
}

/**
 * Records the messages an event causes, one per channel the template uses and the user
 * has not turned off, for the delivery worker to send after the transaction commits.
 */
export async function notify<Name extends TemplateName>(
  tx: Tx,
  input: { userId: string; eventId: string; template: Name; values: TemplateValues<Name> },
): Promise<number> {
  const template = templates[input.template];
  const channels = await enabledChannels(tx, input.userId, template.channels);
  if (!channels.length) return 0;
  const recipient = await tx.recipient.findUnique({ where: { userId: input.userId } });
  // TypeScript cannot correlate a generic key with its own entry of the record.
  const render = template.render as (values: TemplateValues<Name>) => RenderedMessage;
  const { subject, body } = render(input.values);
  const { count } = await tx.notification.createMany({
    data: channels.map((channel) => ({
      userId: input.userId,
      eventId: input.eventId,
      channel,
      template: input.template,
      subject,
      body,
      address: addressFor(channel, input.userId, recipient?.email),
    })),
    skipDuplicates: true,
  });
  return count;
}

function addressFor(channel: NotificationChannel, userId: string, email: string | undefined) {
  switch (channel) {
    case 'EMAIL':
      return email ?? null;
    case 'PUSH':
      return userId;
    case 'SMS':
      // No phone numbers are collected yet.
      return null;
  }
}
