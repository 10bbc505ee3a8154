import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Genre, Movie, Screen, Seat, Showtime, Theater } from './entities.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  Genre,
  Movie,
  Theater,
  Screen,
  Seat,
  Showtime,
};
