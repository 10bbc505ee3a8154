import { DateTimeResolver } from 'graphql-scalars';
import { assertUuid, requireViewer } from '@cinegraph/service-kit';
import { requirePaymentReader } from '../context.ts';
import { payBooking } from '../payments/payBooking.ts';
import type { Resolvers } from '../schema.generated.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Mutation: {
    payBooking: (_, args, { viewer, db, processor, bookingWaitMs }) =>
      payBooking({ db, processor, bookingWaitMs }, requireViewer(viewer), {
        bookingId: assertUuid(args.bookingId, 'bookingId'),
        paymentMethodToken: args.paymentMethodToken,
        idempotencyKey: args.idempotencyKey,
      }),
  },
  Payment: {
    async __resolveReference(ref, { viewer, loaders }) {
      const payment = await loaders.paymentById.load(ref.id);
      return payment && requirePaymentReader(viewer, payment);
    },
    booking: (payment) => ({ id: payment.bookingId }),
  },
  Booking: {
    __resolveReference: (ref) => ({ id: ref.id }),
    async payment(booking, _, { viewer, loaders }) {
      const payment = await loaders.paymentByBookingId.load(booking.id);
      return payment && requirePaymentReader(viewer, payment);
    },
  },
};
