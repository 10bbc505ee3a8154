export { DATABASE_PROTOCOLS, isEmbeddedDatabase, openDatabase } from './openDatabase.ts';
export type { DatabaseOptions } from './sqlDatabase.ts';
export { pgliteDataDir } from './pgliteDatabase.ts';
export { prismaAdapterFor } from './prismaAdapter.ts';
export type { SqlClient, SqlDatabase, SqlResult } from './sqlDatabase.ts';
