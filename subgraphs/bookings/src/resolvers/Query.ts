import { assertUuid } from '@cinegraph/service-kit';
import { requireBookingReader } from '../context.ts';
import type { QueryResolvers } from '../schema.generated.ts';

export const Query: QueryResolvers = {
  async booking(_, { id }, { viewer, loaders }) {
    const booking = await loaders.bookingById.load(assertUuid(id, 'id'));
    if (booking) requireBookingReader(viewer, booking);
    return booking;
  },
};
