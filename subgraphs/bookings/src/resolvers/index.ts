import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import { Booking, BookingConnection, SeatHold, Showtime, User } from './entities.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  Showtime,
  SeatHold,
  Booking,
  User,
  BookingConnection,
};
