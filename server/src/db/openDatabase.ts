import { dirname, join, resolve } from "node:path";
import { existsSync, mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import * as schema from "./schema";
import type { Database } from "./database";
import { lockDataDir } from "./dataDirLock";

/** server/drizzle, found from the working directory upwards (works from the repo root, server/ and tests). */
function findMigrationsFolder(): string {
  if (process.env.XINYUAN_MIGRATIONS_DIR) return resolve(process.env.XINYUAN_MIGRATIONS_DIR);
  let folder = process.cwd();
  for (;;) {
    for (const candidate of [join(folder, "drizzle"), join(folder, "server", "drizzle")]) {
      if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("cannot find server/drizzle migrations; set XINYUAN_MIGRATIONS_DIR");
    folder = parent;
  }
}

export const migrationsFolder = findMigrationsFolder();

export interface OpenDatabase {
  db: Database;
  kind: "pglite" | "postgres";
  /** For LISTEN/NOTIFY and the socket.io adapter on PostgreSQL. */
  pgPool?: import("pg").Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A dumped, migrated template (tests): load it instead of opening a folder. */
  pgliteLoadDataDir?: Blob;
  poolSize?: number;
}

/** PostgreSQL server when a URL is given; otherwise PGlite in dataDir (locked to this process) or in memory. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", pgPool: pool, close: () => pool.end() };
}

async function openPglite(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release: (() => void) | undefined;
  let dataDir: string | undefined;
  if (options.dataDir && !options.pgliteLoadDataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
    dataDir = join(options.dataDir, "pglite");
  }
  try {
    const client = await PGlite.create({ dataDir, loadDataDir: options.pgliteLoadDataDir });
    const db = drizzle(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release?.();
      },
    };
  } catch (error) {
    release?.();
    throw error;
  }
}

/** Applies drizzle-kit migrations. On PostgreSQL an advisory lock serialises servers starting together. */
export async function migrateDatabase(open: OpenDatabase): Promise<void> {
  if (open.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(open.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = await open.pgPool!.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await migrate(open.db as never, { migrationsFolder });
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    client.release();
  }
}

/** How many migrations exist on disk and how many the database has applied (readiness). */
export async function migrationStatus(db: Database): Promise<{ expected: number; applied: number }> {
  const { readFileSync } = await import("node:fs");
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  const result = await db.execute<{ count: string | number }>(sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`);
  const rows = (result as unknown as { rows: Array<{ count: number | string }> }).rows;
  return { expected: journal.entries.length, applied: Number(rows[0]?.count ?? 0) };
}
