import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { acquirePglite } from './pgliteDatabase.ts';

/** Prisma's driver adapter for a database URL (see openDatabase), and how to let it go. */
export function prismaAdapterFor(
  url: string,
  poolSize: number,
): { adapter: PrismaPg | PrismaPGlite; release(): Promise<void> } {
  if (new URL(url).protocol === 'pglite:') {
    const { pglite, release } = acquirePglite(url);
    return { adapter: new PrismaPGlite(pglite), release };
  }
  return {
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    release: async () => {},
  };
}
