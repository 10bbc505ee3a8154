import { assertUuid, requireViewer } from '@cinegraph/service-kit';
import { cancelBooking } from '../booking/cancelBooking.ts';
import { createBooking } from '../booking/createBooking.ts';
import { holdSeats, releaseHold } from '../holds/holdSeats.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  holdSeats: (_, args, { viewer, db, holds, availability, settings }) =>
    holdSeats(
      { db, holds, availability, holdTtlMs: settings.holdTtlMs, limits: settings.limits },
      requireViewer(viewer),
      assertUuid(args.showtimeId, 'showtimeId'),
      args.seatIds.map((id) => assertUuid(id, 'seatIds')),
    ),

  releaseHold: (_, { holdId }, { viewer, holds, availability }) =>
    releaseHold({ holds, availability }, requireViewer(viewer), assertUuid(holdId, 'holdId')),

  createBooking: (_, args, { viewer, db, holds, settings }) =>
    createBooking(
      { db, holds, limits: settings.limits },
      requireViewer(viewer),
      assertUuid(args.holdId, 'holdId'),
      args.idempotencyKey,
    ),

  cancelBooking: (_, { id }, { viewer, db, holds, availability, settings }) =>
    cancelBooking(
      { db, holds, availability, cutoffMinutes: settings.cancelCutoffMinutes },
      requireViewer(viewer),
      assertUuid(id, 'id'),
    ),
};
