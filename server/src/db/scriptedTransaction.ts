import { getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/node-postgres";
import pg, { type Pool, type PoolClient, type QueryResult } from "pg";
import * as schema from "./schema";
import type { Database, DbOrTx } from "./database";

export type ScriptRows = Array<Record<string, unknown>>;

/**
 * A transaction on a hot path whose statements go to PostgreSQL in as few round trips as possible. On
 * a busy machine a round trip, not the SQL, is the cost: each one waits for the database backend and
 * then this process to get a CPU again (the chat send batch spent ~15 ms in six round trips whose SQL
 * took well under one). Statements given together are sent as one simple-protocol query: PostgreSQL
 * runs them one after the other, each with its own snapshot taken when it starts (so a statement after
 * a lock sees what was committed while it waited), and stops at the first error (the transaction is
 * then rolled back). Values are written into the text as literals (`sqlLiteral`), never concatenated raw.
 */
export interface TransactionScript {
  /** Runs the statements in order, in one round trip on PostgreSQL (the first one also carries BEGIN); the rows of each. */
  run(statements: string[]): Promise<ScriptRows[]>;
  /** The transaction's last statements, sent with its COMMIT in one round trip on PostgreSQL. */
  runAndCommit(statements: string[]): Promise<ScriptRows[]>;
  /** A Drizzle handle on the same transaction, for rare paths that use the query builder. */
  drizzle(): Promise<DbOrTx>;
}

/** A string as an SQL literal (quotes doubled, E'' with backslashes doubled when it has any): safe to put in a script's text. */
export const sqlLiteral = (value: string): string => pg.escapeLiteral(value);

/** A row of `table` from a script's raw result (column names as in the database), typed as Drizzle would return it. */
export function tableRowFrom<T extends PgTable>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

/**
 * Runs `work` in one transaction: on PostgreSQL on a connection of its own, BEGIN going with the first
 * statements and COMMIT with the last (runAndCommit, or alone after `work` returns); on PGlite (one
 * connection in this process, nothing to save) inside Drizzle's transaction, statement by statement.
 * Any error rolls back and is thrown as is (retryTransaction retries deadlocks around it).
 */
export async function scriptedTransaction<T>(services: { db: Database; dbKind: "pglite" | "postgres" }, work: (script: TransactionScript) => Promise<T>): Promise<T> {
  if (services.dbKind === "pglite") return services.db.transaction((tx) => work(statementByStatement(tx)));
  const pool = (services.db as unknown as { $client: Pool }).$client;
  const client = await pool.connect();
  const state = { begun: false, committed: false };
  let broken: Error | undefined;
  try {
    const result = await work(onOneConnection(client, state));
    if (state.begun && !state.committed) {
      await client.query("COMMIT");
      state.committed = true;
    }
    return result;
  } catch (error) {
    if (state.begun && !state.committed) await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    // a connection that could not roll back is closed, never handed to the next transaction
    client.release(broken);
  }
}

function onOneConnection(client: PoolClient, state: { begun: boolean; committed: boolean }): TransactionScript {
  const send = async (statements: string[], commit: boolean): Promise<ScriptRows[]> => {
    if (state.committed) throw new Error("scripted transaction: already committed");
    const leading = state.begun ? [] : ["BEGIN"];
    const text = [...leading, ...statements, ...(commit ? ["COMMIT"] : [])].join(";\n");
    state.begun = true;
    const answer = (await client.query(text)) as QueryResult | QueryResult[];
    if (commit) state.committed = true;
    const results = Array.isArray(answer) ? answer : [answer];
    return results.slice(leading.length, leading.length + statements.length).map((result) => result.rows as ScriptRows);
  };
  return {
    run: (statements) => send(statements, false),
    runAndCommit: (statements) => send(statements, true),
    drizzle: async () => {
      if (!state.begun) await send([], false);
      return drizzle(client, { schema }) as unknown as DbOrTx;
    },
  };
}

function statementByStatement(tx: DbOrTx): TransactionScript {
  const run = async (statements: string[]) => {
    const rows: ScriptRows[] = [];
    for (const statement of statements) rows.push(((await tx.execute(sql.raw(statement))) as unknown as { rows: ScriptRows }).rows);
    return rows;
  };
  return { run, runAndCommit: run, drizzle: async () => tx };
}
