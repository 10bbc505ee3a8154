import { DateTimeResolver } from 'graphql-scalars';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers = { DateTime: DateTimeResolver, Query, Mutation, User };
