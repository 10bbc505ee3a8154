import type { Keyspace } from '../../src/index.ts';

/**
 * Opens a keyspace for a contract test on the implementation under test, under a prefix
 * of its own (or the same prefix as another, to play a second process on the same data).
 */
export type OpenKeyspace = (options?: {
  keyPrefix?: string;
  sharePrefixWith?: Keyspace;
}) => Keyspace;
