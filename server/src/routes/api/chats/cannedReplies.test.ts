import { and, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";

describe("canned replies", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const auditOf = async (replyId: string) =>
    (await t.db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "canned_reply"), eq(auditEvents.targetId, replyId)))).map((row) => ({ action: row.action, actorId: row.actorId, detail: row.detail }));

  it("audits every change to a county-wide reply, by whom, without its text", async () => {
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const created = await t.request.post("/api/v1/chat-replies").set(supervisor.auth).send({ title: "热线", body: "也可以拨打 12356。", countyWide: true }).expect(201);
    expect(created.body).toMatchObject({ scope: "county", editable: true });
    const updated = await t.request.patch(`/api/v1/chat-replies/${created.body.id}`).set(admin.auth).send({ body: "也可以拨打 12356 心理援助热线。" }).expect(200);
    expect(updated.body.body).toBe("也可以拨打 12356 心理援助热线。");
    await t.request.delete(`/api/v1/chat-replies/${created.body.id}`).set(admin.auth).expect(204);

    const trail = await auditOf(created.body.id);
    expect(trail).toEqual([
      { action: "chat.reply.create", actorId: supervisor.id, detail: { scope: "county" } },
      { action: "chat.reply.update", actorId: admin.id, detail: { scope: "county" } },
      { action: "chat.reply.delete", actorId: admin.id, detail: { scope: "county" } },
    ]);
    expect(JSON.stringify(trail)).not.toContain("12356");
  });

  it("audits a counsellor's own replies too, and refuses others' with 404 and county ones with 403, auditing nothing", async () => {
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const other = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const own = await t.request.post("/api/v1/chat-replies").set(counsellor.auth).send({ title: "开场", body: "你好，我是今天值班的老师。" }).expect(201);
    const county = await t.request.post("/api/v1/chat-replies").set(supervisor.auth).send({ title: "全县", body: "全县通用", countyWide: true }).expect(201);

    expect((await t.request.patch(`/api/v1/chat-replies/${own.body.id}`).set(other.auth).send({ title: "改" })).status).toBe(404);
    expect((await t.request.delete(`/api/v1/chat-replies/${county.body.id}`).set(counsellor.auth)).status).toBe(403);
    expect((await t.request.delete("/api/v1/chat-replies/not-a-uuid").set(counsellor.auth)).status).toBe(400);
    await t.request.patch(`/api/v1/chat-replies/${own.body.id}`).set(counsellor.auth).send({ title: "开场白" }).expect(200);

    expect((await auditOf(own.body.id)).map((entry) => entry.action)).toEqual(["chat.reply.create", "chat.reply.update"]);
    expect((await auditOf(county.body.id)).map((entry) => entry.action)).toEqual(["chat.reply.create"]);
    const listed = await t.request.get("/api/v1/chat-replies").set(counsellor.auth).expect(200);
    expect(listed.body.map((reply: { title: string; scope: string; editable: boolean }) => [reply.title, reply.scope, reply.editable])).toEqual(
      expect.arrayContaining([
        ["开场白", "mine", true],
        ["全县", "county", false],
      ]),
    );
  });
});
