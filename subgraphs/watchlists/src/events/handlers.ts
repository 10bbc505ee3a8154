import type { EventHandlers } from '@cinegraph/events';
import { knownMovieHandlers } from '@cinegraph/known-movies';
import type { Prisma } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;

/** What watchlists does with each event it consumes (see packages/events eventConsumers.ts). */
export const handlers = { ...knownMovieHandlers<Tx>() } satisfies EventHandlers<Tx>;
