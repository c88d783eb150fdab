import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { recordAudit, systemOrigin } from "./recordAudit";

describe("audit.immutability", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await recordAudit(t.db, systemOrigin, { action: "test.event", targetType: "test", targetId: "1" });
  });
  afterAll(() => t.close());

  const count = async () => {
    const result = await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`);
    return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
  };

  it("refuses a raw UPDATE of an audit row", async () => {
    await expect(t.db.execute(sql`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow();
    const result = await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'rewritten'`);
    expect(Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n)).toBe(0);
  });

  it("refuses a raw DELETE", async () => {
    const before = await count();
    await expect(t.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it("refuses TRUNCATE", async () => {
    const before = await count();
    await expect(t.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it("still accepts new rows", async () => {
    const before = await count();
    await recordAudit(t.db, systemOrigin, { action: "test.event.again" });
    expect(await count()).toBe(before + 1);
  });
});
