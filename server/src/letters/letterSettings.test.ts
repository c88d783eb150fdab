import { and, asc, eq } from "drizzle-orm";
import type { LetterTemplateView, LetterTermView } from "@xinyuan/shared";
import { auditEvents, letterReplyTemplates, letterTerms, letters } from "../db/schema";
import { addDays, countyDateOf } from "../hotline/countyTime";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildStaff, type BuiltStaff } from "../../../tests/support/factories";
import { buildLetterWorld, letterWriterIn, staffAuthOf, writeLetter, type LetterWorld } from "../../../tests/support/letterFixtures";

describe("letters: 寒暑假 and reply templates (admin settings)", () => {
  let t: TestApp;
  let w: LetterWorld;
  let centreAdmin: BuiltStaff;
  let areaAdmin: BuiltStaff;
  let supervisor: BuiltStaff;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildLetterWorld(t);
    centreAdmin = await buildStaff(t.db, { roles: ["centre_admin"], scope: "county", withTotp: { cipher: t.services.cipher } });
    areaAdmin = await buildStaff(t.db, { roles: ["centre_admin"], scope: "area", areaId: w.areaA.id, withTotp: { cipher: t.services.cipher } });
    supervisor = await buildStaff(t.db, { roles: ["supervisor"], scope: "county", withTotp: { cipher: t.services.cipher } });
  });
  afterAll(() => t.close());

  const send = async (method: "get" | "post" | "patch" | "delete", path: string, who: BuiltStaff, body?: object) => {
    const request = t.request[method](`/api/v1${path}`).set(await staffAuthOf(t, who));
    return body ? request.send(body) : request;
  };
  const auditsOf = async (targetId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId)).orderBy(asc(auditEvents.id))).map((row) => ({ action: row.action, actorId: row.actorId, detail: row.detail }));

  it("lets the county centre add, change and delete a 寒暑假 (audited); letters written after skip it", async () => {
    const today = countyDateOf(t.clock.now());
    const term = { name: "测试寒假", startsOn: addDays(today, 1), endsOn: addDays(today, 20) };
    const created = await send("post", "/letter-terms", centreAdmin, term);
    expect(created.status).toBe(201);
    const view = created.body as LetterTermView;
    expect(view).toMatchObject(term);
    expect((await send("get", "/letter-terms", w.staff.a1, undefined)).body).toEqual(expect.arrayContaining([view]));

    // a letter written now is due after the term (its three working days cannot fall inside it)
    const { letter } = await writeLetter(t, await letterWriterIn(t, w.schoolA1.id));
    const [row] = await t.db.select().from(letters).where(eq(letters.id, letter.id));
    expect(countyDateOf(row!.dueAt) > term.endsOn).toBe(true);

    const changed = await send("patch", `/letter-terms/${view.id}`, centreAdmin, { ...term, name: "测试寒假（调整）", endsOn: addDays(today, 25) });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: view.id, name: "测试寒假（调整）", endsOn: addDays(today, 25) });
    expect((await send("delete", `/letter-terms/${view.id}`, centreAdmin)).status).toBe(204);
    expect((await send("delete", `/letter-terms/${view.id}`, centreAdmin)).body.error.code).toBe("LETTER_TERM_NOT_FOUND");
    expect(await auditsOf(view.id)).toEqual([
      { action: "letter_term.create", actorId: centreAdmin.id, detail: { startsOn: term.startsOn, endsOn: term.endsOn } },
      { action: "letter_term.update", actorId: centreAdmin.id, detail: { startsOn: term.startsOn, endsOn: addDays(today, 25) } },
      { action: "letter_term.delete", actorId: centreAdmin.id, detail: { startsOn: term.startsOn, endsOn: addDays(today, 25) } },
    ]);
  });

  it("refuses a term from anyone but the county centre, and a term that ends before it starts, storing nothing", async () => {
    const before = (await t.db.select().from(letterTerms)).length;
    const term = { name: "暑假", startsOn: "2027-07-10", endsOn: "2027-08-31" };
    expect((await send("post", "/letter-terms", areaAdmin, term)).status).toBe(403);
    expect((await send("post", "/letter-terms", w.staff.county, term)).status).toBe(403);
    expect((await send("post", "/letter-terms", supervisor, term)).status).toBe(403);
    const backwards = await send("post", "/letter-terms", centreAdmin, { ...term, endsOn: "2027-07-01" });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("结束日期不能早于开始日期");
    expect((await send("post", "/letter-terms", centreAdmin, { ...term, name: " " })).status).toBe(400);
    expect((await send("patch", "/letter-terms/00000000-0000-4000-8000-000000000000", centreAdmin, term)).status).toBe(404);
    expect((await t.db.select().from(letterTerms)).length).toBe(before);
  });

  it("lets a teacher create, edit and delete their own templates, never a colleague's; county-wide ones are for supervisors; audited without the text", async () => {
    const own = (await send("post", "/letter-templates", w.staff.a1, { title: "开头问候", body: "你好，谢谢你愿意写信给我们。" })).body as LetterTemplateView;
    expect(own).toMatchObject({ title: "开头问候", shared: false });
    const edited = await send("patch", `/letter-templates/${own.id}`, w.staff.a1, { title: "开头问候（新）", body: "你好，谢谢你的信，我认真读了。" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: own.id, title: "开头问候（新）", body: "你好，谢谢你的信，我认真读了。", shared: false });

    // a colleague cannot see, change or delete it
    expect((await send("patch", `/letter-templates/${own.id}`, w.staff.a1b, { title: "改掉", body: "改掉" })).body.error.code).toBe("LETTER_TEMPLATE_NOT_FOUND");
    expect((await send("delete", `/letter-templates/${own.id}`, w.staff.a1b)).status).toBe(404);
    expect(((await send("get", "/letter-templates", w.staff.a1b)).body as LetterTemplateView[]).map((template) => template.id)).not.toContain(own.id);

    const shared = (await send("post", "/letter-templates", supervisor, { title: "全县结尾", body: "如果还想聊，随时再写信。", shared: true })).body as LetterTemplateView;
    expect(shared.shared).toBe(true);
    expect((await send("post", "/letter-templates", w.staff.a1, { title: "x", body: "y", shared: true })).status).toBe(403);
    expect((await send("patch", `/letter-templates/${shared.id}`, w.staff.a1, { title: "改掉", body: "改掉" })).status).toBe(403);
    expect((await send("patch", `/letter-templates/${shared.id}`, supervisor, { title: "全县结尾", body: "想聊的时候，随时再写信。" })).status).toBe(200);
    const [stored] = await t.db.select().from(letterReplyTemplates).where(eq(letterReplyTemplates.id, shared.id));
    expect(stored!.body).toBe("想聊的时候，随时再写信。");

    expect((await send("delete", `/letter-templates/${own.id}`, w.staff.a1)).status).toBe(204);
    expect(((await send("get", "/letter-templates", w.staff.a1)).body as LetterTemplateView[]).map((template) => template.id)).toEqual([shared.id]);
    const trail = await auditsOf(own.id);
    expect(trail.map((entry) => entry.action)).toEqual(["letter_template.create", "letter_template.update", "letter_template.delete"]);
    expect(JSON.stringify(trail)).not.toContain("你好");
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, shared.id), eq(auditEvents.action, "letter_template.update")))).toHaveLength(1);
  });
});
