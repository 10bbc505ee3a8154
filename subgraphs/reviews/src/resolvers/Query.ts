import { assertUuid } from '@cinegraph/service-kit';
import type { QueryResolvers } from '../schema.generated.ts';

export const Query: QueryResolvers = {
  review: (_, { id }, { loaders }) => loaders.reviewById.load(assertUuid(id, 'id')),
};
