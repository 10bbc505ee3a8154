import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export interface ConnectionLimiter {
  /** Takes a slot for the address; false when it already holds the most it may. */
  acquire(address: string): boolean;
  release(address: string): void;
}

/** Long-lived connections (WebSockets and event streams) per client address. */
export function createConnectionLimiter(maxPerAddress: number): ConnectionLimiter {
  const open = new Map<string, number>();
  return {
    acquire(address) {
      const count = open.get(address) ?? 0;
      if (count >= maxPerAddress) return false;
      open.set(address, count + 1);
      return true;
    },
    release(address) {
      const count = open.get(address) ?? 0;
      if (count <= 1) open.delete(address);
      else open.set(address, count - 1);
    },
  };
}

/**
 * The client's address of a raw request (an upgrade, which Fastify does not route), with
 * the same proxy trust as Fastify's `request.ip`.
 */
export function clientAddressResolver(
  trustProxy: boolean | string[],
): (request: IncomingMessage) => string {
  const trust =
    trustProxy === true
      ? () => true
      : trustProxy === false
        ? () => false
        : proxyAddr.compile(trustProxy);
  return (request) => proxyAddr(request, trust);
}
