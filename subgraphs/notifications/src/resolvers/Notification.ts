import { requireRecipient } from '../context.ts';
import type { NotificationResolvers } from '../schema.generated.ts';

export const Notification: NotificationResolvers = {
  async __resolveReference(reference, { viewer, loaders }) {
    const notification = await loaders.notificationById.load(reference.id);
    if (notification) requireRecipient(viewer, notification.userId);
    return notification;
  },

  user: (notification) => ({ id: notification.userId }),
};
