import { and, eq } from "drizzle-orm";
import { appUsers, auditEvents, consents, sessions } from "../../../db/schema";
import type { ExportSection } from "../../../users/exportSections";
import type { AccountDeletionStep } from "../../../users/accountDeletionSteps";
import type { Feature } from "../../../features/feature";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSchool } from "../../../../../tests/support/factories";
import { signInConsentedUser, signInUser } from "../../../../../tests/support/userSession";

/** Registers a feature for one test, as the registry would at start-up. */
function withRegistered(list: Feature[], feature: Feature): () => void {
  list.push(feature);
  return () => {
    list.splice(list.indexOf(feature), 1);
  };
}

describe("me.export", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("gives the user their profile, every consent with the guardian's name, and an audit trail", async () => {
    const school = await buildSchool(t.db);
    const user = await signInConsentedUser(t, { ageBand: "10_13", schoolId: school.id });
    const response = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body.me).toMatchObject({ id: user.me.id, alias: user.me.alias, ageBand: "10_13", school: { id: school.id }, canUseCounselling: true });
    expect(response.body.consents.map((consent: { kind: string }) => consent.kind)).toEqual(["privacy", "sensitive", "guardian"]);
    expect(response.body.consents[2]).toMatchObject({ guardianRelation: "mother", guardianName: "王芳" });
    const trail = response.body.sections.auditTrail as Array<{ action: string; by: string }>;
    expect(trail.map((entry) => entry.action)).toEqual(["user.login", "user.profile.update", "user.consent.give", "user.consent.give", "user.consent.give"]);
    expect(JSON.stringify(response.body)).not.toContain(user.openid);

    // Beside the JSON, the same data as readable Chinese: every heading, county times, no ids, no English keys.
    const readable = response.body.readable as string;
    expect(readable).toContain("聊天记录（你和老师双方的每一句话）");
    for (const heading of ["账号与资料", "同意记录", "聊天记录（在线咨询）", "热线回电", "信件（心理信箱）", "预约", "活动报名", "安全跟进记录", "账号操作记录（审计记录）"]) expect(readable).toContain(`【${heading}】`);
    expect(readable).toContain(`昵称：${user.me.alias}`);
    expect(readable).toContain(`学校：${school.name}`);
    expect(readable).toContain("年龄段：10–13 岁");
    expect(readable).toMatch(/同意《监护人同意》（[\d-]+ 版），监护人：母亲 王芳/);
    expect(readable).toMatch(/【聊天记录（在线咨询）】\n（没有记录）/);
    expect(readable).toContain("我：小程序用户登录");
    expect(readable).toContain(`导出时间：${new Date(Date.parse(response.body.exportedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")}`);
    expect(readable).not.toContain(user.me.id);
    expect(readable).not.toContain(school.id);
    expect(readable).not.toMatch(/\d{4}-\d\d-\d\dT/);
    // Alias and test school name carry random letters of their own; nothing else may be English.
    expect(readable.split(user.me.alias).join("").split(school.name).join("")).not.toMatch(/[A-Za-z]{2,}/);

    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.export"), eq(auditEvents.targetId, user.me.id)));
    expect(audit).toMatchObject({ actorType: "user", actorId: user.me.id });
  });

  it("includes the sections later features register", async () => {
    const user = await signInUser(t);
    const section: ExportSection = { key: "bookings", title: "测试预约", collect: async ({ userId }) => [{ ownerId: userId }], render: () => ["一条测试预约"] };
    const unregister = withRegistered(t.features, { name: "bookings", exportSections: [section] });
    try {
      const response = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
      expect(response.body.sections.bookings).toEqual([{ ownerId: user.me.id }]);
      expect(response.body.readable).toContain("【测试预约】\n一条测试预约");
    } finally {
      unregister();
    }
  });
});

describe("me.delete", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("erases the identity, revokes every session and keeps nameless consent records", async () => {
    const school = await buildSchool(t.db);
    const user = await signInConsentedUser(t, { ageBand: "under_10", schoolId: school.id });
    const otherDevice = await signInUser(t, user.openid);
    await t.request.delete("/api/v1/me").set(user.auth).expect(204);

    for (const auth of [user.auth, otherDevice.auth]) {
      expect((await t.request.get("/api/v1/me").set(auth).expect(401)).body.error.code).toBe("UNAUTHENTICATED");
    }
    const [row] = await t.db.select().from(appUsers).where(eq(appUsers.id, user.me.id));
    expect(row).toMatchObject({ openidHash: null, role: null, ageBand: null, schoolId: null, deletedAt: expect.any(Date) });
    expect(row!.alias).toMatch(/^已注销用户-[0-9A-F]{8}$/);
    const consentRows = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
    expect(consentRows).toHaveLength(3);
    expect(consentRows.every((consent) => consent.guardianNameEnc === null)).toBe(true);
    const live = await t.db.select().from(sessions).where(eq(sessions.subjectId, user.me.id));
    expect(live.every((session) => session.revokedAt !== null)).toBe(true);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.delete"), eq(auditEvents.targetId, user.me.id)));
    expect(audit).toMatchObject({ actorType: "user", actorId: user.me.id });
  });

  it("gives a deleted account that logs in again a new user and a new alias", async () => {
    const user = await signInUser(t);
    await t.request.delete("/api/v1/me").set(user.auth).expect(204);
    const again = await signInUser(t, user.openid);
    expect(again.me.id).not.toBe(user.me.id);
    expect(again.me.alias).not.toBe(user.me.alias);
    expect(again.me.consents).toEqual([]);
  });

  it("runs the steps features register inside the deletion, and a failing step deletes nothing", async () => {
    const user = await signInUser(t);
    const ran: string[] = [];
    const step: AccountDeletionStep = { name: "bookings", run: async ({ userId }) => void ran.push(userId) };
    const failing: AccountDeletionStep = {
      name: "broken",
      run: async () => {
        throw new Error("step failed");
      },
    };
    const unregisterFailing = withRegistered(t.features, { name: "broken", deletionSteps: [failing] });
    try {
      await t.request.delete("/api/v1/me").set(user.auth).expect(500);
    } finally {
      unregisterFailing();
    }
    const [kept] = await t.db.select().from(appUsers).where(eq(appUsers.id, user.me.id));
    expect(kept).toMatchObject({ alias: user.me.alias, deletedAt: null });

    const unregister = withRegistered(t.features, { name: "bookings", deletionSteps: [step] });
    try {
      await t.request.delete("/api/v1/me").set(user.auth).expect(204);
    } finally {
      unregister();
    }
    expect(ran).toEqual([user.me.id]);
  });
});
