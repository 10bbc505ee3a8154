import type DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createLoader, forbidden, isUuid, requireViewer } from '@cinegraph/service-kit';
import type { Notification, PrismaClient } from './generated/prisma/client.ts';

/** A User as this subgraph knows it: the key the gateway sends. */
export interface UserReference {
  id: string;
}

export interface NotificationsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  loaders: { notificationById: DataLoader<string, Notification | null> };
}

export function createContext(db: PrismaClient, viewer: Viewer | null): NotificationsContext {
  return {
    viewer,
    db,
    loaders: {
      notificationById: createLoader(
        (ids) => db.notification.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
        (notification) => notification.id,
      ),
    },
  };
}

/** Only the user a notification is for may see it, or anything about their inbox. */
export function requireRecipient(viewer: Viewer | null, userId: string): void {
  if (requireViewer(viewer).id !== userId)
    throw forbidden('Notifications are private to the user they were sent to.');
}
