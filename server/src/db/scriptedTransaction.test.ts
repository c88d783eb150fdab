import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/support/testDatabase";
import type { OpenDatabase } from "./openDatabase";
import { scriptedTransaction, sqlLiteral, tableRowFrom } from "./scriptedTransaction";
import { conversations } from "./schema";

describe("scriptedTransaction", () => {
  let open: OpenDatabase;
  const services = () => ({ db: open.db, dbKind: open.kind });
  const keys = async () => ((await open.db.execute(sql`SELECT k FROM script_probe ORDER BY k`)) as unknown as { rows: Array<{ k: string }> }).rows.map((row) => row.k);

  beforeAll(async () => {
    open = await openTestDatabase();
    await open.db.execute(sql`CREATE TABLE script_probe (k text PRIMARY KEY)`);
  });
  afterAll(async () => {
    await open.close();
  });
  beforeEach(async () => {
    await open.db.execute(sql`DELETE FROM script_probe`);
  });

  it("commits what its scripts wrote and hands back each statement's rows", async () => {
    const answers = await scriptedTransaction(services(), async (script) => {
      const first = await script.run(["INSERT INTO script_probe VALUES ('a')", "SELECT count(*)::int AS n FROM script_probe"]);
      const last = await script.runAndCommit(["INSERT INTO script_probe VALUES ('b') RETURNING k"]);
      return [...first, ...last];
    });
    expect(answers).toEqual([[], [{ n: 1 }], [{ k: "b" }]]);
    expect(await keys()).toEqual(["a", "b"]);
  });

  it("rolls back everything when a statement fails, also one sent with the COMMIT, and the connection serves the next transaction", async () => {
    await expect(
      scriptedTransaction(services(), async (script) => {
        await script.run(["INSERT INTO script_probe VALUES ('c')"]);
        await script.runAndCommit(["INSERT INTO script_probe VALUES ('d')", "INSERT INTO script_probe VALUES ('c')"]);
      }),
    ).rejects.toThrow();
    expect(await keys()).toEqual([]);
    for (let round = 0; round < 12; round += 1) await scriptedTransaction(services(), (script) => script.run([`INSERT INTO script_probe VALUES ('e${String(round).padStart(2, "0")}')`]));
    expect(await keys()).toHaveLength(12);
  });

  it("gives a Drizzle handle on the same transaction, rolled back with it when the work throws", async () => {
    await expect(
      scriptedTransaction(services(), async (script) => {
        await script.run(["INSERT INTO script_probe VALUES ('f')"]);
        const seen = (await (await script.drizzle()).execute(sql`SELECT count(*)::int AS n FROM script_probe WHERE k = 'f'`)) as unknown as { rows: Array<{ n: number }> };
        expect(seen.rows[0]!.n).toBe(1);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await keys()).toEqual([]);
  });

  it("writes any string as a literal that reads back the same", async () => {
    const awkward = ["it's", "back\\slash and 'quote'", "\\'; DROP TABLE script_probe; --", "心援 E'x'", ""];
    const [rows] = await scriptedTransaction(services(), (script) => script.run([awkward.map((value, index) => `SELECT ${index} AS i, ${sqlLiteral(value)} AS v`).join(" UNION ALL ")]));
    expect([...rows!].sort((a, b) => Number(a.i) - Number(b.i)).map((row) => row.v)).toEqual(awkward);
    expect(await keys()).toEqual([]);
  });

  it("maps a raw row to the table's Drizzle shape", () => {
    const at = new Date("2026-12-07T06:00:00Z");
    const row = tableRowFrom(conversations, { id: "x", user_id: "u", status: "active", last_seq: 3, risk_categories: ["self_harm"], queued_at: at, assigned_staff_id: null });
    expect(row).toMatchObject({ id: "x", userId: "u", status: "active", lastSeq: 3, riskCategories: ["self_harm"], assignedStaffId: null });
    expect(row.queuedAt.getTime()).toBe(at.getTime());
  });
});
