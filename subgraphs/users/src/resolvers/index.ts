import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import { Mutation } from './Mutation.ts';
import { Query, UserConnection } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  User,
  UserConnection,
};
