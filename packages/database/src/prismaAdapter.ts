import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaPGlite } from 'pglite-prisma-adapter';
import { acquirePglite } from './pgliteDatabase.ts';

/** Prisma's adapter on PGlite, loaded when Prisma first connects (see acquirePglite). */
interface LazyPgliteAdapter {
  readonly provider: PrismaPGlite['provider'];
  readonly adapterName: string;
  connect: PrismaPGlite['connect'];
}

/** Prisma's driver adapter for a database URL (see openDatabase), and how to let it go. */
export function prismaAdapterFor(
  url: string,
  poolSize: number,
): { adapter: PrismaPg | LazyPgliteAdapter; release(): Promise<void> } {
  if (new URL(url).protocol === 'pglite:') {
    const { pglite, release } = acquirePglite(url);
    const adapter: LazyPgliteAdapter = {
      provider: 'postgres',
      adapterName: 'pglite-prisma-adapter',
      async connect() {
        const { PrismaPGlite } = await import('pglite-prisma-adapter');
        return new PrismaPGlite(await pglite).connect();
      },
    };
    return { adapter, release };
  }
  return {
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    release: async () => {},
  };
}
