import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import { Booking, BookingConnection, SeatHold, Showtime, User } from './entities.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { SeatAvailabilityEvent, Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  Subscription,
  SeatAvailabilityEvent,
  Showtime,
  SeatHold,
  Booking,
  User,
  BookingConnection,
};
