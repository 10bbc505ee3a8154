// Driver-adapter factory for Prisma 6's WASM schema engine (engine: "js").
// Wraps @prisma/adapter-pg@6.19.3 and works around three of its problems:
//  1. Catalog types name / "char" / name[] are not deserializable
//     ("Column type 'name' could not be deserialized", prisma#27403): the
//     pg Client used by the pool reports them to the adapter as text / text[].
//  2. Its shadow database is dropped while the shadow pool is still open
//     (DROP fails, DB leaks): we close the shadow pool first and then
//     DROP DATABASE ... WITH (FORCE).
//  3. A `connectionString` overrides the shadow database name, so the
//     connection is passed as host/port/user/password/database fields.
// Also: adapter-pg's executeScript() splits migration SQL on every ';'
// (breaks $$-quoted function bodies / ';' in string literals). We send the
// whole script as one simple-protocol query instead, like the native engine.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT = 25,
  TEXT_ARRAY = 1009;
// name(19), "char"(18), name[](1003), regproc(24), pg_node_tree(194), aclitem[](1034)
const REMAP: Record<number, number> = {
  19: TEXT,
  18: TEXT,
  24: TEXT,
  194: TEXT,
  1003: TEXT_ARRAY,
  1034: TEXT_ARRAY,
};

class CatalogSafeClient extends pg.Client {
  // @ts-ignore - overloads
  query(config: any, values?: any, cb?: any) {
    if (
      config &&
      typeof config === 'object' &&
      typeof config.text === 'string' &&
      typeof config.submit !== 'function'
    ) {
      const orig = config.types?.getTypeParser ?? pg.types.getTypeParser;
      config = {
        ...config,
        types: { getTypeParser: (oid: number, fmt: any) => orig(REMAP[oid] ?? oid, fmt) },
      };
    }
    const fix = (r: any) => {
      for (const rr of Array.isArray(r) ? r : [r])
        for (const f of rr?.fields ?? [])
          if (REMAP[f.dataTypeID]) f.dataTypeID = REMAP[f.dataTypeID];
      return r;
    };
    if (typeof values === 'function') {
      cb = values;
      values = undefined;
    }
    if (typeof cb === 'function') {
      const done = cb;
      return super.query(config, values, (err: any, r: any) => done(err, err ? r : fix(r)));
    }
    const res: any = super.query(config, values);
    return res && typeof res.then === 'function' ? res.then(fix) : res;
  }
}

type PgFields = { host: string; port: number; user: string; password?: string; database: string };

export function connectionFromEnv(): { cfg: PgFields; schema?: string } {
  const raw = process.env.DATABASE_URL;
  if (!raw)
    throw new Error('DATABASE_URL is not set (postgresql://user:pass@host:port/db?schema=public)');
  const u = new URL(raw);
  return {
    cfg: {
      host: decodeURIComponent(u.hostname) || '127.0.0.1',
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username) || 'postgres',
      password: u.password ? decodeURIComponent(u.password) : undefined,
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    },
    schema: u.searchParams.get('schema') ?? undefined,
  };
}

function patchExecuteScript(adapter: any) {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.client.query(script); // simple protocol, multi-statement
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

export class SafePrismaPg extends PrismaPg {
  constructor(
    private readonly fields: PgFields,
    private readonly opts: { schema?: string } = {},
  ) {
    super(
      { ...fields, Client: CatalogSafeClient, max: 4, allowExitOnIdle: true } as any,
      opts as any,
    );
  }

  async connect() {
    return patchExecuteScript(await super.connect());
  }

  async connectToShadowDb() {
    const admin = await super.connect(); // connection to the main database
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow: any = await new PrismaPg(
      { ...this.fields, database, Client: CatalogSafeClient, max: 4, allowExitOnIdle: true } as any,
      this.opts as any,
    ).connect();
    patchExecuteScript(shadow);
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await closeShadow(); // close the shadow pool FIRST
      } finally {
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        } finally {
          await admin.dispose();
        }
      }
    };
    return shadow;
  }
}

export function adapterFromEnv() {
  const { cfg, schema } = connectionFromEnv();
  return new SafePrismaPg(cfg, schema ? { schema } : {});
}
