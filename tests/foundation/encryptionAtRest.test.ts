import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { currentConsentVersions } from "@xinyuan/shared";
import { consents } from "../../server/src/db/schema";
import { createFieldCipher } from "../../server/src/crypto/fieldCipher";
import { createTestApp, type TestApp } from "../support/testApp";
import { signInUser } from "../support/userSession";

const guardian = (guardianName: string) => ({ kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "mother", guardianName });
const newKey = (id: string) => ({ id, key: randomBytes(32) });
const keyEntry = (entry: { id: string; key: Buffer }) => `${entry.id}:${entry.key.toString("base64")}`;

describe("encryption at rest", () => {
  const oldKey = newKey("old2025");
  const currentKey = newKey("new2026");
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ FIELD_ENCRYPTION_KEYS: `${keyEntry(currentKey)},${keyEntry(oldKey)}` });
  });
  afterAll(() => t.close());

  it("keeps no plaintext in a raw SELECT of the guardian's name", async () => {
    const user = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "10_13" }).expect(200);
    await t.request.post("/api/v1/me/consents").set(user.auth).send(guardian("陈秀兰")).expect(200);
    const result = await t.db.execute(sql`SELECT * FROM consents WHERE user_id = ${user.me.id}`);
    const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("陈秀兰");
    expect(String(rows[0]!.guardian_name_enc)).toMatch(/^v1\.new2026\./);
  });

  it("still reads a value written with an older key, and writes new values with the newest key", async () => {
    const user = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "under_10" }).expect(200);
    const writtenBeforeRotation = createFieldCipher([oldKey]).encrypt("赵淑芬");
    await t.db.insert(consents).values({ userId: user.me.id, kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "grandparent", guardianNameEnc: writtenBeforeRotation });

    const exported = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
    expect(exported.body.consents[0]).toMatchObject({ guardianRelation: "grandparent", guardianName: "赵淑芬" });

    await t.request.post("/api/v1/me/consents").set(user.auth).send(guardian("孙丽")).expect(200);
    const rows = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
    expect(rows.map((row) => t.services.cipher.keyIdOf(row.guardianNameEnc!)).sort()).toEqual(["new2026", "old2025"]);
  });
});

describe("fieldCipher", () => {
  const cipher = createFieldCipher([newKey("a"), newKey("b")]);

  it("uses a fresh IV, so equal plaintexts differ at rest", () => {
    expect(cipher.encrypt("同一个名字")).not.toBe(cipher.encrypt("同一个名字"));
  });

  it("refuses a tampered value and an unknown key id", () => {
    const stored = cipher.encrypt("王小明");
    const parts = stored.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), body.toString("base64url")].join("."))).toThrow();
    expect(() => createFieldCipher([newKey("c")]).decrypt(stored)).toThrow(/unknown field key id a/);
  });
});
