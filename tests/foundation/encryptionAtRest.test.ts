import { createCipheriv, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { currentConsentVersions } from "@xinyuan/shared";
import { auditEvents, chatMessages, consents, conversations, hotlineTickets } from "../../server/src/db/schema";
import { createFieldCipher, SealBrokenError } from "../../server/src/crypto/fieldCipher";
import { allSealedColumns, sealed } from "../../server/src/crypto/sealedColumns";
import { sealedValueRotator } from "../../server/src/crypto/sealedValueRotator";
import { createTestApp, type TestApp } from "../support/testApp";
import { signInConsentedUser, signInUser } from "../support/userSession";

const guardian = (guardianName: string) => ({ kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "mother", guardianName });
const newKey = (id: string) => ({ id, key: randomBytes(32) });
const keyEntry = (entry: { id: string; key: Buffer }) => `${entry.id}:${entry.key.toString("base64")}`;

/** A value as the platform wrote it before places were bound (format v1, no additional data). */
function legacyV1(entry: { id: string; key: Buffer }, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", entry.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", entry.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe("encryption at rest", () => {
  const oldKey = newKey("old2025");
  const currentKey = newKey("new2026");
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ FIELD_ENCRYPTION_KEYS: `${keyEntry(currentKey)},${keyEntry(oldKey)}` });
  });
  afterAll(() => t.close());

  it("keeps no plaintext in a raw SELECT of the guardian's name, sealed in format v2 with the newest key", async () => {
    const user = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "10_13" }).expect(200);
    await t.request.post("/api/v1/me/consents").set(user.auth).send(guardian("陈秀兰")).expect(200);
    const rows = rowsOf<Record<string, unknown>>(await t.db.execute(sql`SELECT * FROM consents WHERE user_id = ${user.me.id}`));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("陈秀兰");
    expect(String(rows[0]!.guardian_name_enc)).toMatch(/^v2\.new2026\./);
  });

  it("still reads a v1 value written before places were bound, with an older key, and writes new values with the newest key", async () => {
    const user = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "under_10" }).expect(200);
    await t.db.insert(consents).values({ userId: user.me.id, kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "grandparent", guardianNameEnc: legacyV1(oldKey, "赵淑芬") });

    const exported = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
    expect(exported.body.consents[0]).toMatchObject({ guardianRelation: "grandparent", guardianName: "赵淑芬" });

    await t.request.post("/api/v1/me/consents").set(user.auth).send(guardian("孙丽")).expect(200);
    const rows = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
    expect(rows.map((row) => t.services.cipher.keyIdOf(row.guardianNameEnc!)).sort()).toEqual(["new2026", "old2025"]);
  });

  it("a hotline phone ciphertext copied into a chat message row does not open there: the chat shows a placeholder, never the number", async () => {
    const user = await signInConsentedUser(t);
    const now = t.clock.now();
    const [ticket] = await t.db.insert(hotlineTickets).values({ id: randomUuid(), userId: user.me.id, kind: "callback", status: "waiting", joinedAt: now, firstReadyAt: now, readyAt: now }).returning();
    await t.db.update(hotlineTickets).set({ phoneEnc: t.services.cipher.encrypt("13912345678", sealed.hotlinePhone.at(ticket!)) }).where(eq(hotlineTickets.id, ticket!.id));
    const [chat] = await t.db.insert(conversations).values({ userId: user.me.id, status: "closed", queuedAt: now, lastActivityAt: now, createdAt: now, closedAt: now }).returning();
    for (const [seq, body] of [[1, "老师好"], [2, "我有点难过"]] as const) {
      await t.db.insert(chatMessages).values({ conversationId: chat!.id, seq, senderType: "user", senderId: user.me.id, clientMessageId: `m${seq}`, bodyEnc: t.services.cipher.encrypt(body, sealed.chatMessageBody.at({ conversationId: chat!.id, seq })), createdAt: now });
    }
    // someone with database access pastes the phone's ciphertext over message 2
    const [stolen] = await t.db.select({ phoneEnc: hotlineTickets.phoneEnc }).from(hotlineTickets).where(eq(hotlineTickets.id, ticket!.id));
    await t.db.update(chatMessages).set({ bodyEnc: stolen!.phoneEnc! }).where(and(eq(chatMessages.conversationId, chat!.id), eq(chatMessages.seq, 2)));

    const messages = await t.request.get(`/api/v1/me/chats/${chat!.id}/messages`).set(user.auth).expect(200);
    const text = JSON.stringify(messages.body);
    expect(text).not.toContain("13912345678");
    expect(text).toContain("老师好");
    expect(text).toContain("这条消息无法读取");

    const exported = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
    // the export holds the caller's own number in its hotline section, but never in the chat
    expect(JSON.stringify(exported.body.sections.chats)).not.toContain("13912345678");
    expect(JSON.stringify(exported.body.sections.chats)).toContain("这条消息无法读取");
    // the number itself still opens where it belongs
    const [kept] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticket!.id));
    expect(t.services.cipher.decrypt(kept!.phoneEnc!, sealed.hotlinePhone.at(kept!))).toBe("13912345678");
  });

  it("keys:rotate re-seals every value with the newest key and its place, in batches, resumably, audited; a moved value is reported, never laundered", async () => {
    const user = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "under_10" }).expect(200);
    const oldOnly = createFieldCipher([oldKey]);
    const ids: string[] = [];
    for (const name of ["周一", "周二", "周三", "周四", "周五"]) {
      const id = randomUuid();
      ids.push(id);
      // three written before binding (v1), two bound but with the old key
      const value = ids.length <= 3 ? legacyV1(oldKey, name) : oldOnly.encrypt(name, sealed.consentGuardianName.at({ id }));
      await t.db.insert(consents).values({ id, userId: user.me.id, kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "mother", guardianNameEnc: value });
    }
    // one v2 value moved from the first row to a sixth: it must not be rewritten into a valid one
    const movedId = randomUuid();
    const donor = createFieldCipher([currentKey]).encrypt("挪来的", sealed.consentGuardianName.at({ id: ids[0]! }));
    await t.db.insert(consents).values({ id: movedId, userId: user.me.id, kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "father", guardianNameEnc: donor });

    const rotator = (batchSize: number) => sealedValueRotator({ db: t.db, cipher: createFieldCipher([currentKey, oldKey]), batchSize, columns: [sealed.consentGuardianName as never] });
    const first = await rotator(2);
    const column = first.columns[0]!;
    expect(column.broken).toEqual([movedId]);
    expect(column.resealed).toBeGreaterThanOrEqual(5);

    const rows = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
    for (const row of rows.filter((r) => r.id !== movedId)) {
      expect(row.guardianNameEnc).toMatch(/^v2\.new2026\./);
      expect(t.services.cipher.decrypt(row.guardianNameEnc!, sealed.consentGuardianName.at(row))).toMatch(/^周/);
    }
    expect(rows.find((r) => r.id === movedId)!.guardianNameEnc).toBe(donor);
    // after rotation the new key alone opens everything; the old v1 format can be refused
    const newOnly = createFieldCipher([currentKey], { legacyReadable: false });
    for (const row of rows.filter((r) => r.id !== movedId)) expect(newOnly.decrypt(row.guardianNameEnc!, sealed.consentGuardianName.at(row))).toMatch(/^周/);

    // a second run has nothing left to do (what an interrupted run does when started again)
    const second = await rotator(2);
    expect(second.columns[0]!.resealed).toBe(0);
    expect(second.columns[0]!.current).toBeGreaterThanOrEqual(5);

    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "keys.rotate.column"));
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(audits[0]!.targetId).toBe("consents.guardian_name_enc");
    expect(JSON.stringify(audits)).not.toContain("周一");
    expect((audits[0]!.detail as { brokenCount: number }).brokenCount).toBe(1);
  });

  it("the full rotation walks every sealed column of the schema without error", async () => {
    const report = await sealedValueRotator({ db: t.db, cipher: createFieldCipher([currentKey, oldKey]), batchSize: 50 });
    expect(report.columns).toHaveLength(allSealedColumns.length);
    expect(report.columns.map((c) => `${c.table}.${c.column}`)).toContain("chat_messages.body_enc");
  });
});

describe("sealed columns", () => {
  it("lists every *_enc column of the database, so rotation leaves none behind", async () => {
    const t = await createTestApp();
    try {
      const found = rowsOf<{ table_name: string; column_name: string }>(
        await t.db.execute(sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%\_enc'`),
      ).map((row) => `${row.table_name}.${row.column_name}`);
      expect(found.length).toBeGreaterThan(20);
      expect(allSealedColumns.map((c) => `${c.tableName}.${c.columnName}`).sort()).toEqual(found.sort());
    } finally {
      await t.close();
    }
  });
});

describe("fieldCipher", () => {
  const cipher = createFieldCipher([newKey("a"), newKey("b")]);
  const place = sealed.chatMessageBody.at({ conversationId: "c1", seq: 1 });

  it("uses a fresh IV, so equal plaintexts differ at rest", () => {
    expect(cipher.encrypt("同一个名字", place)).not.toBe(cipher.encrypt("同一个名字", place));
  });

  it("refuses a tampered value and an unknown key id", () => {
    const stored = cipher.encrypt("王小明", place);
    const parts = stored.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), body.toString("base64url")].join("."), place)).toThrow(SealBrokenError);
    expect(() => createFieldCipher([newKey("c")]).decrypt(stored, place)).toThrow(/unknown field key id a/);
  });

  it("binds a value to its table, column and row: another row, column or table does not open it", () => {
    const stored = cipher.encrypt("我想去彩虹桥", place);
    expect(cipher.decrypt(stored, place)).toBe("我想去彩虹桥");
    expect(() => cipher.decrypt(stored, sealed.chatMessageBody.at({ conversationId: "c1", seq: 2 }))).toThrow(SealBrokenError);
    expect(() => cipher.decrypt(stored, sealed.chatMessageBody.at({ conversationId: "c2", seq: 1 }))).toThrow(SealBrokenError);
    expect(() => cipher.decrypt(stored, sealed.letterMessageBody.at({ letterId: "c1", seq: 1 }))).toThrow(SealBrokenError);
    expect(() => cipher.decrypt(stored, sealed.chatNoteBody.at({ id: "c1:1" }))).toThrow(SealBrokenError);
    expect(cipher.decryptOrNull(stored, sealed.chatMessageBody.at({ conversationId: "c1", seq: 2 }))).toBeNull();
  });

  it("opens an unbound v1 value only while legacy reading is on", () => {
    const key = newKey("k");
    const v1 = legacyV1(key, "旧值");
    expect(createFieldCipher([key]).decrypt(v1, place)).toBe("旧值");
    expect(() => createFieldCipher([key], { legacyReadable: false }).decrypt(v1, place)).toThrow(/v1 value refused/);
  });

  it("says which values rotation still has to re-seal", () => {
    const a = newKey("a2");
    const b = newKey("b2");
    expect(createFieldCipher([a, b]).isCurrent(createFieldCipher([a]).encrypt("x", place))).toBe(true);
    expect(createFieldCipher([a, b]).isCurrent(createFieldCipher([b]).encrypt("x", place))).toBe(false);
    expect(createFieldCipher([a, b]).isCurrent(legacyV1(a, "x"))).toBe(false);
  });
});

function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
