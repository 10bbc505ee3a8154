import type DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createLoader, forbidden, isUuid, requireViewer } from '@cinegraph/service-kit';
import type { Payment, PrismaClient } from './generated/prisma/client.ts';
import type { PaymentProcessor } from './processor/paymentProcessor.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface EntityReference {
  id: string;
}

export interface PaymentsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  processor: PaymentProcessor;
  bookingWaitMs: number;
  loaders: {
    paymentById: DataLoader<string, Payment | null>;
    paymentByBookingId: DataLoader<string, Payment | null>;
  };
}

export function createLoaders(db: PrismaClient): PaymentsContext['loaders'] {
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  return {
    paymentById: createLoader(
      (ids) => db.payment.findMany({ where: { id: { in: uuids(ids) } } }),
      (payment) => payment.id,
    ),
    paymentByBookingId: createLoader(
      (ids) => db.payment.findMany({ where: { bookingId: { in: uuids(ids) } } }),
      (payment) => payment.bookingId,
    ),
  };
}

/** A payment is private to its customer; admins may read any. */
export function requirePaymentReader(viewer: Viewer | null, payment: Payment): Payment {
  const known = requireViewer(viewer);
  if (known.id !== payment.userId && known.role !== 'ADMIN')
    throw forbidden('A payment is private to its customer.');
  return payment;
}
