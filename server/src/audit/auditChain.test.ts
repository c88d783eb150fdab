import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { onAdminDatabase, testDbKind } from "../../../tests/support/testDatabase";
import { recordAudit, systemOrigin } from "./recordAudit";
import { verifyAuditChain } from "./auditChainVerifier";

/**
 * Issue 14 (Medium): the audit log is a hash chain the database computes on insert; a verifier names the
 * first broken row; on PostgreSQL the application runs as a role that cannot rewrite it.
 */
describe("audit hash chain", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("chains every row, also when many are written at once, and verifies", async () => {
    await recordAudit(t.db, systemOrigin, { action: "test.first", targetType: "test", targetId: "1", detail: { 说明: "中文" } });
    await Promise.all(Array.from({ length: 40 }, (_, index) => t.db.transaction(async (tx) => recordAudit(tx, systemOrigin, { action: "test.parallel", targetId: String(index) }))));
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThanOrEqual(41);
    const rows = (await t.db.execute(sql`SELECT chain_seq, prev_hash, row_hash FROM audit_events ORDER BY chain_seq`)) as unknown as { rows: Array<{ chain_seq: string; prev_hash: string; row_hash: string }> };
    expect(rows.rows.map((row) => Number(row.chain_seq))).toEqual(rows.rows.map((_, index) => index + 1));
    expect(new Set(rows.rows.map((row) => row.row_hash)).size).toBe(rows.rows.length);
  });

  it("the application cannot choose its row's hashes: the trigger sets them", async () => {
    await t.db.execute(sql`INSERT INTO audit_events (actor_type, action, chain_seq, prev_hash, row_hash) VALUES ('system', 'test.chosen', 999999, 'x', 'y')`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("a row forged past the trigger (owner with triggers off) is named by the verifier and the command", async () => {
    const before = await verifyAuditChain(t.db);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`INSERT INTO audit_events (actor_type, action, chain_seq, prev_hash, row_hash)
        SELECT 'system', 'test.forged', max(chain_seq) + 1, 'not-the-previous-hash', 'made-up' FROM audit_events`);
    });
    const forged = (await t.db.execute(sql`SELECT id FROM audit_events WHERE action = 'test.forged'`)) as unknown as { rows: Array<{ id: string }> };
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: false, rows: before.rows, brokenAt: { id: Number(forged.rows[0]!.id) } });
    if (testDbKind === "postgres") {
      const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/auditVerify.ts"], { env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: t.database.url! } }).catch((error: { code: number; stdout: string }) => error);
      expect("code" in run ? run.code : 0).toBe(1);
      expect(run.stdout).toContain(`id=${forged.rows[0]!.id}`);
    }
  });
});

(testDbKind === "postgres" ? describe : describe.skip)("audit log under the application role (PostgreSQL)", () => {
  let t: TestApp;
  let app: pg.Client;
  const login = `xinyuan_app_test_${randomBytes(4).toString("hex")}`;
  beforeAll(async () => {
    t = await createTestApp();
    await onAdminDatabase(`CREATE ROLE "${login}" LOGIN IN ROLE xinyuan_app`);
    const url = new URL(t.database.url!);
    url.username = login;
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t.close();
    await onAdminDatabase(`DROP OWNED BY "${login}"`).catch(() => undefined);
    await onAdminDatabase(`DROP ROLE IF EXISTS "${login}"`);
  });

  it("may insert and read audit rows, and work on the other tables", async () => {
    await app.query(`INSERT INTO audit_events (actor_type, action) VALUES ('system', 'test.as_app')`);
    expect((await app.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.as_app'`)).rows[0].n).toBe(1);
    await app.query(`SELECT count(*) FROM staff`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it.each([
    ["UPDATE", `UPDATE audit_events SET action = 'rewritten'`],
    ["DELETE", `DELETE FROM audit_events`],
    ["TRUNCATE", `TRUNCATE audit_events`],
    ["disable the trigger", `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`],
    ["disable every trigger", `ALTER TABLE audit_events DISABLE TRIGGER ALL`],
    ["session_replication_role", `SET session_replication_role = replica`],
    ["move the chain head", `UPDATE audit_chain_head SET hash = 'x'`],
    ["replace the chain function", `CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger AS 'BEGIN RETURN NEW; END' LANGUAGE plpgsql`],
  ])("may not %s", async (_what, statement) => {
    await expect(app.query(statement)).rejects.toThrow(/permission denied|must be owner|append-only/);
  });
});
