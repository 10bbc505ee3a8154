import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import { Movie, User, WatchlistConnection, WatchlistItem } from './entities.ts';
import { Mutation } from './Mutation.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Mutation,
  WatchlistItem,
  User,
  Movie,
  WatchlistConnection,
};
