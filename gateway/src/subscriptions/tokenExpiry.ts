import { decodeJwt } from 'jose';

/** setTimeout's longest delay; a token living longer is checked again then. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `expired` when the (already verified) bearer token in `authorization` expires, so
 * a long-lived connection ends with its credentials. Returns the function that cancels it.
 */
export function whenTokenExpires(authorization: string, expired: () => void): () => void {
  const expiresAt = decodeJwt(authorization.replace(/^Bearer /, '')).exp;
  if (expiresAt === undefined) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const delay = expiresAt * 1_000 - Date.now();
    if (delay <= 0) return expired();
    timer = setTimeout(wait, Math.min(delay, MAX_TIMER_MS));
  };
  wait();
  return () => clearTimeout(timer);
}
