import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { PaymentProcessor } from './paymentProcessor.ts';
import { ProcessorTimeoutError } from './paymentProcessor.ts';

/**
 * The test payment method tokens the simulated processor understands (documented in the
 * schema and docs/booking-saga.md), and what each charge records: `succeeded` or the
 * decline reason. `tok_timeout_once` succeeds, after a first call that times out.
 * Anything else is declined as `invalid_payment_method`.
 */
const outcomeOf: Readonly<Record<string, string>> = {
  tok_visa: 'succeeded',
  tok_timeout_once: 'succeeded',
  tok_declined: 'card_declined',
  tok_insufficient_funds: 'insufficient_funds',
};

function decide(token: string): string {
  return Object.hasOwn(outcomeOf, token) ? outcomeOf[token]! : 'invalid_payment_method';
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
