import { ExponentialBackoff, handleType, retry } from 'cockatiel';
import type { ChargeResult, PaymentProcessor } from '../processor/paymentProcessor.ts';
import { ProcessorTimeoutError } from '../processor/paymentProcessor.ts';

// Timeouts are retried with the same idempotency key, so a retry can never charge twice;
// a decline is an answer, not a failure, and is never retried.
const retryTimeouts = retry(handleType(ProcessorTimeoutError), {
  maxAttempts: 3,
  backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
});

export function chargeWithRetry(
  processor: PaymentProcessor,
  request: Parameters<PaymentProcessor['charge']>[0],
): Promise<ChargeResult> {
  return retryTimeouts.execute(() => processor.charge(request));
}
