import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../../server/src/db/openDatabase";

/** Which database the suite runs on. */
export const testDbKind: "pglite" | "postgres" = process.env.XINYUAN_TEST_DB === "postgres" ? "postgres" : "pglite";

export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onAdminDatabase(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's dumped template, or a
 * PostgreSQL database cloned from the run's template database. Both start empty but migrated.
 */
export async function openTestDatabase(): Promise<OpenDatabase & { url?: string }> {
  if (testDbKind === "pglite") {
    const templatePath = process.env.XINYUAN_PGLITE_TEMPLATE;
    if (!templatePath) throw new Error("globalSetup did not prepare the PGlite template");
    const blob = new Blob([readFileSync(templatePath)]);
    return openDatabase({ pgliteLoadDataDir: blob });
  }
  const template = process.env.XINYUAN_PG_TEMPLATE;
  if (!template) throw new Error("globalSetup did not prepare the PostgreSQL template");
  const name = `${template.replace(/_tpl$/, "")}_${randomBytes(4).toString("hex")}`;
  await onAdminDatabase(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = databaseUrlFor(name);
  const open = await openDatabase({ databaseUrl: url, poolSize: 30 });
  return { ...open, url };
}
