import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ChargeResult, PaymentProcessor } from './paymentProcessor.ts';
import { ProcessorTimeoutError } from './paymentProcessor.ts';

/**
 * The test payment method tokens the simulated processor understands (documented in the
 * schema and docs/booking-saga.md). Anything else is declined as `invalid_payment_method`.
 */
export const testTokens = {
  tok_visa: 'succeeds',
  tok_declined: 'declined: card_declined',
  tok_insufficient_funds: 'declined: insufficient_funds',
  tok_timeout_once: 'the first call times out (after charging), the retry succeeds',
} as const;

function decide(token: string): ChargeResult['outcome'] | string {
  switch (token) {
    case 'tok_visa':
    case 'tok_timeout_once':
      return 'succeeded';
    case 'tok_declined':
      return 'card_declined';
    case 'tok_insufficient_funds':
      return 'insufficient_funds';
    default:
      return 'invalid_payment_method';
  }
}

/**
 * A card processor simulated on a ledger table, as a real one keeps charges on its side:
 * one charge per idempotency key. `tok_timeout_once` records the charge and then "times
 * out", as a real network can after the processor has acted: only the idempotency key
 * keeps the retry from charging twice.
 */
export function createSimulatedProcessor(db: PrismaClient): PaymentProcessor {
  return {
    async charge({ idempotencyKey, amountCents, currency, paymentMethodToken }) {
      const outcome = decide(paymentMethodToken);
      // INSERT ... ON CONFLICT DO NOTHING, then count the call: concurrent calls with one
      // key find one charge.
      await db.processorCharge.createMany({
        data: [
          {
            idempotencyKey,
            chargeId: `ch_${randomUUID()}`,
            amountCents,
            currency,
            outcome,
            calls: 0,
          },
        ],
        skipDuplicates: true,
      });
      const charge = await db.processorCharge.update({
        where: { idempotencyKey },
        data: { calls: { increment: 1 } },
      });
      if (paymentMethodToken === 'tok_timeout_once' && charge.calls === 1)
        throw new ProcessorTimeoutError();
      return charge.outcome === 'succeeded'
        ? { outcome: 'succeeded', chargeId: charge.chargeId }
        : { outcome: 'declined', reason: charge.outcome };
    },

    async refund({ chargeId }) {
      // Refunding twice refunds once: the first time is kept.
      await db.processorCharge.updateMany({
        where: { chargeId, refundedAt: null },
        data: { refundedAt: new Date() },
      });
    },
  };
}
