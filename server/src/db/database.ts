import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** The same Drizzle API over PGlite (embedded) and node-postgres (server). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; commands accept either, so they compose inside a caller's transaction. */
export type DbOrTx = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;
