import { badInput } from '@cinegraph/service-kit';
import type { NotificationChannel, PrismaClient } from '../generated/prisma/client.ts';
import type { NotificationPreferenceInput } from '../schema.types.generated.ts';

export const CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'SMS', 'PUSH'];

/** What `NotificationPreference` resolves from (codegen's mapper). */
export interface PreferenceModel {
  channel: NotificationChannel;
  enabled: boolean;
}

/** Every channel with its setting; a channel never turned off is on. */
export async function loadPreferences(
  db: Pick<PrismaClient, 'notificationPreference'>,
  userId: string,
): Promise<PreferenceModel[]> {
  const stored = await db.notificationPreference.findMany({ where: { userId } });
  const enabled = new Map(stored.map((row) => [row.channel, row.enabled]));
  return CHANNELS.map((channel) => ({ channel, enabled: enabled.get(channel) ?? true }));
}

export async function updatePreferences(
  db: PrismaClient,
  userId: string,
  changes: readonly NotificationPreferenceInput[],
): Promise<PreferenceModel[]> {
  const channels = changes.map((change) => change.channel);
  if (new Set(channels).size !== channels.length)
    throw badInput('Each channel may appear once in "preferences".', 'preferences');
  return db.$transaction(async (tx) => {
    for (const { channel, enabled } of changes) {
      await tx.notificationPreference.upsert({
        where: { userId_channel: { userId, channel } },
        create: { userId, channel, enabled },
        update: { enabled },
      });
    }
    return loadPreferences(tx, userId);
  });
}
