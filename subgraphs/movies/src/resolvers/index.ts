import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema.generated.ts';
import {
  CastMember,
  CrewMember,
  Genre,
  Movie,
  MovieConnection,
  Screen,
  Seat,
  Showtime,
  ShowtimeConnection,
  Theater,
} from './entities.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  Genre,
  Movie,
  CastMember,
  CrewMember,
  Theater,
  Screen,
  Seat,
  Showtime,
  MovieConnection,
  ShowtimeConnection,
};
