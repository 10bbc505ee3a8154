import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import { Mutation } from './Mutation.ts';
import { Notification } from './Notification.ts';
import { NotificationConnection, User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Mutation,
  Notification,
  NotificationConnection,
  User,
};
