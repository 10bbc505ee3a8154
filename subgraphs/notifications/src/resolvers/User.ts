import { requireRecipient } from '../context.ts';
import { countUnread, listNotifications } from '../inbox/listNotifications.ts';
import { loadPreferences } from '../inbox/preferences.ts';
import type { NotificationConnectionResolvers, UserResolvers } from '../schema.generated.ts';

export const User: UserResolvers = {
  notifications(user, args, { viewer, db }) {
    requireRecipient(viewer, user.id);
    return listNotifications(db, user.id, args);
  },

  unreadNotificationCount(user, _, { viewer, db }) {
    requireRecipient(viewer, user.id);
    return countUnread(db, user.id);
  },

  notificationPreferences(user, _, { viewer, db }) {
    requireRecipient(viewer, user.id);
    return loadPreferences(db, user.id);
  },
};

export const NotificationConnection: NotificationConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
