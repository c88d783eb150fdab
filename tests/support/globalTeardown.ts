import { rmSync } from "node:fs";
import pg from "pg";
import { adminDatabaseUrl, testDbKind } from "./testDatabase";

/** Drops every database this run created (the template and the per-file clones). */
export default async function globalTeardown(): Promise<void> {
  if (testDbKind === "pglite") {
    if (process.env.XINYUAN_PGLITE_TEMPLATE) rmSync(process.env.XINYUAN_PGLITE_TEMPLATE, { force: true });
    return;
  }
  const runId = process.env.XINYUAN_TEST_RUN;
  if (!runId) return;
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`xy_t_${runId}_%`]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
