import { requireViewer } from '@cinegraph/service-kit';
import { countUnread } from '../inbox/listNotifications.ts';
import { markNotificationsRead } from '../inbox/markNotificationsRead.ts';
import { updatePreferences } from '../inbox/preferences.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  async markNotificationsRead(_, { ids }, { viewer, db }) {
    const { id } = requireViewer(viewer);
    const notifications = await markNotificationsRead(db, id, ids);
    return { notifications, unreadNotificationCount: await countUnread(db, id) };
  },

  updateNotificationPreferences(_, { preferences }, { viewer, db }) {
    return updatePreferences(db, requireViewer(viewer).id, preferences);
  },
};
