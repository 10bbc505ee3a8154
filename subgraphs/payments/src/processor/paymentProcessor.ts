/** What a card processor answers to a charge. */
export type ChargeResult =
  { outcome: 'succeeded'; chargeId: string } | { outcome: 'declined'; reason: string };

/** The processor did not answer in time: the charge may or may not have happened. */
export class ProcessorTimeoutError extends Error {
  constructor() {
    super('the payment processor did not answer in time');
    this.name = 'ProcessorTimeoutError';
  }
}

/**
 * A card processor, as payments uses one. Both calls carry an idempotency key: repeating
 * a call with the same key never charges (or refunds) twice, which is what makes retrying
 * after a timeout safe.
 */
export interface PaymentProcessor {
  charge(request: {
    idempotencyKey: string;
    amountCents: number;
    currency: string;
    paymentMethodToken: string;
  }): Promise<ChargeResult>;
  refund(request: { chargeId: string }): Promise<void>;
}
