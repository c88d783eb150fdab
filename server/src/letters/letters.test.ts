import { and, eq } from "drizzle-orm";
import type { LetterBoxOptionsView, MyLetterView, Page, StaffLetterView } from "@xinyuan/shared";
import { auditEvents, contactCategories, riskAlerts, contactRecords, hotlineHolidays, letterEscalations, letterMessages, letterTerms, letters, mailboxes } from "../db/schema";
import { contactTaxonomySeeder } from "../contacts/contactTaxonomySeeder";
import { workingDayDue } from "./letterCalendar";
import { letterDueReminder, letterEscalator } from "./letterEscalator";
import { countyInstant } from "../hotline/countyTime";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildLetterWorld, letterWriterIn, newSubmitId, staffAuthOf, writeLetter, type LetterWorld } from "../../../tests/support/letterFixtures";
import { signInConsentedUser } from "../../../tests/support/userSession";

describe("letters (心理咨询电子邮箱)", () => {
  let t: TestApp;
  let w: LetterWorld;
  beforeAll(async () => {
    t = await createTestApp();
    await contactTaxonomySeeder(t.db);
    w = await buildLetterWorld(t);
  });
  afterAll(() => t.close());

  const get = async (path: string, who: Parameters<typeof staffAuthOf>[1]) => t.request.get(`/api/v1${path}`).set(await staffAuthOf(t, who));
  const post = async (path: string, who: Parameters<typeof staffAuthOf>[1], body: object = {}) => t.request.post(`/api/v1${path}`).set(await staffAuthOf(t, who)).send(body);
  const inbox = async (who: Parameters<typeof staffAuthOf>[1], query = "") => ((await get(`/letters${query}`, who)).body as Page<StaffLetterView>).items.map((letter) => letter.id);
  const recordBody = async () => {
    const [category] = await t.db.select().from(contactCategories).where(eq(contactCategories.code, "education"));
    return { record: { categoryIds: [category!.id], riskLevel: "low", durationMinutes: 20, summary: "学业压力，已回信疏导。" } };
  };

  describe("letters.write routing", () => {
    it("goes to the writer's school box by default, stored encrypted, with the box's auto-acknowledgement", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const result = await writeLetter(t, writer);
      expect(result).toMatchObject({ duplicate: false, acknowledgement: "收到啦，老师会认真看。", letter: { status: "delivered", statusLabel: "已送达", target: "school", mailboxName: w.boxA1.name } });
      const [row] = await t.db.select().from(letters).where(eq(letters.id, result.letter.id));
      expect(row).toMatchObject({ mailboxId: w.boxA1.id, handlingMailboxId: w.boxA1.id, boxSchoolId: w.schoolA1.id, boxAreaId: w.areaA.id, originSchoolId: w.schoolA1.id, writerRole: "student" });
      expect(row!.subjectEnc).not.toContain("烦");
      expect(row!.bodyEnc).not.toContain("考试");
      const mine = (await t.request.get(`/api/v1/me/letters/${result.letter.id}`).set(writer.auth).expect(200)).body as MyLetterView;
      expect(mine.messages).toEqual([expect.objectContaining({ seq: 1, from: "system", body: "收到啦，老师会认真看。" })]);
    });

    it("goes to the area's teachers or the county centre when asked, and onward when the school has no box", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const toArea = await writeLetter(t, writer, { target: "area" });
      const toCounty = await writeLetter(t, writer, { target: "county" });
      const noBox = await writeLetter(t, await letterWriterIn(t, w.schoolA2.id));
      const boxOf = async (id: string) => (await t.db.select().from(letters).where(eq(letters.id, id)))[0]!.mailboxId;
      expect(await boxOf(toArea.letter.id)).toBe(w.boxAreaA.id);
      expect(await boxOf(toCounty.letter.id)).toBe(w.boxCounty.id);
      expect(await boxOf(noBox.letter.id)).toBe(w.boxAreaA.id);
      const options = (await t.request.get("/api/v1/me/letter-boxes").set((await letterWriterIn(t, w.schoolA2.id)).auth).expect(200)).body as LetterBoxOptionsView;
      expect(options.options.map((option) => [option.target, option.mailboxName, option.routedOnward])).toEqual([
        ["school", w.boxAreaA.name, true],
        ["area", w.boxAreaA.name, false],
        ["county", w.boxCounty.name, false],
      ]);
      expect(options.options[0]!.replyWorkingDays).toBe(2);
      expect(options.notWatchedNotice).toContain("晚上");
    });

    it("sends a school letter to the county when neither the school nor its area has a box; without a school only the county is open", async () => {
      const { buildSchool } = await import("../../../tests/support/factories");
      const lonely = await buildSchool(t.db);
      const result = await writeLetter(t, await letterWriterIn(t, lonely.id));
      expect((await t.db.select().from(letters).where(eq(letters.id, result.letter.id)))[0]!.mailboxId).toBe(w.boxCounty.id);
      const noSchool = await signInConsentedUser(t);
      const refused = await t.request.post("/api/v1/me/letters").set(noSchool.auth).send({ subject: "你好", body: "想说说话", clientSubmitId: newSubmitId() }).expect(400);
      expect(refused.body.error.code).toBe("LETTER_SCHOOL_REQUIRED");
      await writeLetter(t, noSchool, { target: "county" });
    });

    it("keeps under-14s without a guardian's consent out, as the other channels do", async () => {
      const child = await letterWriterIn(t, w.schoolA1.id, { ageBand: "10_13", withGuardian: false });
      const refused = await t.request.post("/api/v1/me/letters").set(child.auth).send({ subject: "你好", body: "想说说话", clientSubmitId: newSubmitId() }).expect(403);
      expect(refused.body.error.code).toBe("GUARDIAN_CONSENT_REQUIRED");
      expect(await t.db.$count(letters, eq(letters.userId, child.me.id))).toBe(0);
    });
  });

  describe("letters.write outbox resend", () => {
    it("stores one letter however often the same submit is resent, even at once", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const clientSubmitId = newSubmitId();
      const first = await writeLetter(t, writer, { clientSubmitId });
      const again = await writeLetter(t, writer, { clientSubmitId }, 200);
      expect(again).toMatchObject({ duplicate: true, letter: { id: first.letter.id } });
      const racing = newSubmitId();
      const answers = await Promise.all(Array.from({ length: 5 }, () => t.request.post("/api/v1/me/letters").set(writer.auth).send({ subject: "同一封", body: "重发", clientSubmitId: racing })));
      expect(answers.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);
      expect(new Set(answers.map((answer) => answer.body.letter.id)).size).toBe(1);
      expect(await t.db.$count(letters, and(eq(letters.userId, writer.me.id), eq(letters.clientSubmitId, racing)))).toBe(1);
    });
  });

  describe("letters isolation (IDOR)", () => {
    it("answers 404 to teachers of other schools and areas on every letter route, and lists nothing of theirs", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer);
      const outsiders = [w.staff.b1, w.staff.teacherB, w.staff.a2];
      const record = await recordBody();
      for (const outsider of outsiders) {
        const tries = [
          await get(`/letters/${letter.id}`, outsider),
          await post(`/letters/${letter.id}/messages`, outsider, { body: "越权回信", clientMessageId: newSubmitId() }),
          await post(`/letters/${letter.id}/assign`, outsider, { staffId: outsider.id, expectedAssigneeId: null }),
          await get(`/letters/${letter.id}/assignees`, outsider),
          await get(`/letters/${letter.id}/notes`, outsider),
          await post(`/letters/${letter.id}/notes`, outsider, { body: "越权备注" }),
          await post(`/letters/${letter.id}/close`, outsider, record),
          await post(`/letters/${letter.id}/reopen`, outsider),
        ];
        expect(tries.map((answer) => [answer.status, answer.body.error?.code])).toEqual(tries.map(() => [404, "LETTER_NOT_FOUND"]));
        expect(await inbox(outsider)).not.toContain(letter.id);
      }
      expect((await get(`/letters/${letter.id}`, w.staff.editor)).status).toBe(403);
      expect(await t.db.$count(letterMessages, eq(letterMessages.letterId, letter.id))).toBe(1);
      // the school's own and its area's teachers read it; a malformed id is bad input, not a crash
      expect((await get(`/letters/${letter.id}`, w.staff.a1)).status).toBe(200);
      expect((await get(`/letters/${letter.id}`, w.staff.teacherA)).status).toBe(200);
      expect(await inbox(w.staff.teacherA)).toContain(letter.id);
      expect((await get("/letters/not-a-uuid", w.staff.a1)).status).toBe(400);
      expect((await get(`/letters/${letter.id}`, w.staff.county)).status).toBe(404);
    });

    it("keeps a letter the writer sent to the area away from their school's staff", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer, { target: "area", keepFromSchool: true });
      expect((await get(`/letters/${letter.id}`, w.staff.a1)).status).toBe(404);
      expect(await inbox(w.staff.a1)).not.toContain(letter.id);
      expect((await get(`/letters/${letter.id}`, w.staff.teacherA)).status).toBe(200);
      const county = await writeLetter(t, writer, { target: "county", keepFromSchool: true });
      expect((await get(`/letters/${county.letter.id}`, w.staff.teacherA)).status).toBe(404);
      expect((await get(`/letters/${county.letter.id}`, w.staff.county)).status).toBe(200);
    });

    it("answers 404 to another writer on every writer route", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const other = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer);
      const tries = [
        await t.request.get(`/api/v1/me/letters/${letter.id}`).set(other.auth),
        await t.request.post(`/api/v1/me/letters/${letter.id}/messages`).set(other.auth).send({ body: "冒充", clientMessageId: newSubmitId() }),
        await t.request.post(`/api/v1/me/letters/${letter.id}/close`).set(other.auth).send({}),
        await t.request.post(`/api/v1/me/letters/${letter.id}/reminder`).set(other.auth).send({ code: t.wechat.issueCode(other.openid) }),
      ];
      expect(tries.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
      expect(((await t.request.get("/api/v1/me/letters").set(other.auth).expect(200)).body as MyLetterView[]).map((mine) => mine.id)).not.toContain(letter.id);
    });
  });

  describe("letters thread, close, re-open", () => {
    it("marks read, replies, takes the writer's answer, closes with an outcome record (信箱) and re-opens", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer);
      const opened = (await get(`/letters/${letter.id}`, w.staff.a1)).body as StaffLetterView;
      expect(opened).toMatchObject({ status: "read", alias: writer.me.alias, body: "考试没考好，回家不知道怎么说。" });
      expect(JSON.stringify(opened)).not.toContain(writer.openid);
      const replyId = newSubmitId();
      await post(`/letters/${letter.id}/messages`, w.staff.a1, { body: "谢谢你写信给我，我们一起想办法。", clientMessageId: replyId });
      await post(`/letters/${letter.id}/messages`, w.staff.a1, { body: "谢谢你写信给我，我们一起想办法。", clientMessageId: replyId });
      let mine = (await t.request.get(`/api/v1/me/letters/${letter.id}`).set(writer.auth).expect(200)).body as MyLetterView;
      expect(mine.status).toBe("replied");
      expect(mine.messages!.filter((line) => line.from === "teacher")).toHaveLength(1);
      expect(JSON.stringify(mine)).not.toContain(w.staff.a1.username);
      mine = (await t.request.post(`/api/v1/me/letters/${letter.id}/messages`).set(writer.auth).send({ body: "好的，谢谢老师", clientMessageId: newSubmitId() }).expect(200)).body as MyLetterView;
      expect(mine.status).toBe("delivered");
      await post(`/letters/${letter.id}/notes`, w.staff.a1, { body: "下周再跟进" });
      expect(((await get(`/letters/${letter.id}/notes`, w.staff.a1b)).body as Array<{ body: string }>)[0]!.body).toBe("下周再跟进");
      const closed = await post(`/letters/${letter.id}/close`, w.staff.a1, await recordBody());
      expect(closed.status).toBe(200);
      expect((closed.body as StaffLetterView).status).toBe("closed");
      const [record] = await t.db.select().from(contactRecords).where(and(eq(contactRecords.sourceType, "letter"), eq(contactRecords.sourceId, letter.id)));
      expect(record).toMatchObject({ channel: "mailbox", riskLevel: "low", userId: writer.me.id, schoolId: w.schoolA1.id });
      expect((await post(`/letters/${letter.id}/close`, w.staff.a1, await recordBody())).body.error.code).toBe("LETTER_ALREADY_RECORDED");
      const reopened = await post(`/letters/${letter.id}/reopen`, w.staff.a1b);
      expect((reopened.body as StaffLetterView).status).toBe("read");
      const thanks = await t.request.post(`/api/v1/me/letters/${letter.id}/close`).set(writer.auth).send({ thanks: "谢谢老师！" }).expect(200);
      expect((thanks.body as MyLetterView).status).toBe("closed");
      const late = await t.request.post(`/api/v1/me/letters/${letter.id}/messages`).set(writer.auth).send({ body: "还有", clientMessageId: newSubmitId() }).expect(409);
      expect(late.body.error.code).toBe("LETTER_CLOSED");
    });
  });

  describe("letters risk", () => {
    it("marks a risky letter urgent, sorts it first and raises an alert once", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const calm = await writeLetter(t, writer);
      const risky = await writeLetter(t, writer, { subject: "睡不着", body: "我真的不想活了，每天都很累。" });
      const [row] = await t.db.select().from(letters).where(eq(letters.id, risky.letter.id));
      expect(row).toMatchObject({ urgent: true });
      expect(["high", "imminent"]).toContain(row!.riskLevel);
      expect(row!.riskCategories).toContain("suicide");
      const items = ((await get("/letters", w.staff.a1)).body as Page<StaffLetterView>).items;
      expect(items[0]!.id).toBe(risky.letter.id);
      expect(items.find((item) => item.id === calm.letter.id)!.urgent).toBe(false);
      const alerts = async () => t.db.$count(riskAlerts, and(eq(riskAlerts.sourceKind, "letter"), eq(riskAlerts.sourceId, risky.letter.id)));
      expect(await alerts()).toBe(1);
      await t.request.post(`/api/v1/me/letters/${calm.letter.id}/messages`).set(writer.auth).send({ body: "其实我有时候想自杀", clientMessageId: newSubmitId() }).expect(200);
      expect((await t.db.select().from(letters).where(eq(letters.id, calm.letter.id)))[0]!.urgent).toBe(true);
      expect(((await get("/letters?urgent=true", w.staff.a1)).body as Page<StaffLetterView>).items.map((item) => item.id)).toEqual(expect.arrayContaining([risky.letter.id, calm.letter.id]));
    });
  });

  describe("letters working days", () => {
    it("counts working days past weekends, the holiday calendar and 寒暑假", async () => {
      await t.db.insert(hotlineHolidays).values(["01", "02", "03", "04", "05", "06", "07"].map((day) => ({ date: `2026-10-${day}`, name: "国庆节" }))).onConflictDoNothing();
      // Tuesday 29 September: Wed 30, then the holiday week, then Thu 8 and Fri 9 October
      expect((await workingDayDue(t.db, countyInstant("2026-09-29", "10:00"), 3)).toISOString()).toBe(countyInstant("2026-10-09", "18:00").toISOString());
      expect((await workingDayDue(t.db, countyInstant("2026-09-25", "16:00"), 1)).toISOString()).toBe(countyInstant("2026-09-28", "18:00").toISOString());
      await t.db.insert(letterTerms).values({ name: "寒假", startsOn: "2027-01-20", endsOn: "2027-02-20" });
      expect((await workingDayDue(t.db, countyInstant("2027-01-19", "09:00"), 1)).toISOString()).toBe(countyInstant("2027-02-22", "18:00").toISOString());
    });
  });

  describe("letters escalation (test clock)", () => {
    it("reminds before due, then moves an unanswered letter to the area's teachers and then the county centre, recorded once each", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer);
      const row = async () => (await t.db.select().from(letters).where(eq(letters.id, letter.id)))[0]!;
      const due = (await row()).dueAt;
      t.clock.advance(due.getTime() - t.clock.now().getTime() - 3600_000);
      await letterDueReminder(t.services);
      await letterDueReminder(t.services);
      expect(await t.db.$count(auditEvents, and(eq(auditEvents.action, "letter.due_reminder"), eq(auditEvents.targetId, letter.id)))).toBe(1);
      expect((await get(`/letters/${letter.id}`, w.staff.county)).status).toBe(404);

      t.clock.advance(2 * 3600_000);
      await letterEscalator(t.services);
      await letterEscalator(t.services);
      expect(await row()).toMatchObject({ handlingMailboxId: w.boxAreaA.id, escalationLevel: 1 });
      expect((await row()).dueAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
      expect((await get(`/letters/${letter.id}`, w.staff.county)).status).toBe(404);
      expect((await get(`/letters/${letter.id}`, w.staff.a1)).status).toBe(200);

      t.clock.advance((await row()).dueAt.getTime() - t.clock.now().getTime() + 60_000);
      await letterEscalator(t.services);
      expect(await row()).toMatchObject({ handlingMailboxId: w.boxCounty.id, handlingMailboxKind: "county", escalationLevel: 2 });
      const county = (await get(`/letters/${letter.id}`, w.staff.county)).body as StaffLetterView;
      expect(county).toMatchObject({ escalationLevel: 2, handlingMailboxName: w.boxCounty.name });
      t.clock.advance(30 * 86_400_000);
      await letterEscalator(t.services);
      const steps = await t.db.select().from(letterEscalations).where(eq(letterEscalations.letterId, letter.id));
      expect(steps.map((step) => [step.fromMailboxId, step.toMailboxId, step.level])).toEqual([
        [w.boxA1.id, w.boxAreaA.id, 1],
        [w.boxAreaA.id, w.boxCounty.id, 2],
      ]);
      // an answered letter is never escalated
      const answered = await writeLetter(t, await letterWriterIn(t, w.schoolA1.id));
      await post(`/letters/${answered.letter.id}/messages`, w.staff.a1, { body: "收到", clientMessageId: newSubmitId() });
      t.clock.advance(30 * 86_400_000);
      await letterEscalator(t.services);
      expect((await t.db.select().from(letters).where(eq(letters.id, answered.letter.id)))[0]!.escalationLevel).toBe(0);
      await t.db.update(letters).set({ status: "closed" }).where(eq(letters.id, letter.id));
    });
  });

  describe("letters reply notification", () => {
    it("sends one WeChat subscribe message per subscription when a teacher replies, never the text", async () => {
      const writer = await letterWriterIn(t, w.schoolB1.id);
      const { letter } = await writeLetter(t, writer, { body: "我和同桌闹翻了" });
      const armed = await t.request.post(`/api/v1/me/letters/${letter.id}/reminder`).set(writer.auth).send({ code: t.wechat.issueCode(writer.openid) }).expect(200);
      expect((armed.body as MyLetterView).replyReminder).toBe(true);
      const wrong = await t.request.post(`/api/v1/me/letters/${letter.id}/reminder`).set(writer.auth).send({ code: t.wechat.issueCode("o-somebody-else") }).expect(400);
      expect(wrong.body.error.code).toBe("LETTER_REMINDER_FAILED");
      const sent = () => t.wechat.sentMessages.filter((message) => message.touser === writer.openid);
      await post(`/letters/${letter.id}/messages`, w.staff.b1, { body: "我读了你的信，同桌的事我们聊聊。", clientMessageId: newSubmitId() });
      await post(`/letters/${letter.id}/messages`, w.staff.b1, { body: "还有一件事", clientMessageId: newSubmitId() });
      expect(sent()).toHaveLength(1);
      expect(sent()[0]).toMatchObject({ template_id: "demo-template-letter-reply", page: expect.stringContaining(letter.id) });
      expect(JSON.stringify(sent()[0])).not.toMatch(/同桌|闹翻/);
      expect((await t.db.select().from(letters).where(eq(letters.id, letter.id)))[0]!.notifyOpenidEnc).toBeNull();
      await t.request.post(`/api/v1/me/letters/${letter.id}/reminder`).set(writer.auth).send({ code: t.wechat.issueCode(writer.openid) }).expect(200);
      await post(`/letters/${letter.id}/messages`, w.staff.b1, { body: "周三见", clientMessageId: newSubmitId() });
      expect(sent()).toHaveLength(2);
    });
  });

  describe("letters export and account deletion", () => {
    it("exports the writer's letters with the thread, and deletion detaches them with the alias gone", async () => {
      const writer = await letterWriterIn(t, w.schoolA1.id);
      const { letter } = await writeLetter(t, writer, { contactPreference: "可以在学校找我" });
      await post(`/letters/${letter.id}/messages`, w.staff.a1, { body: "收到你的信了", clientMessageId: newSubmitId() });
      const response = await t.request.get("/api/v1/me/export").set(writer.auth).expect(200);
      const exported = response.body.sections as { letters: Array<{ subject: string; contactPreference: string; messages: Array<{ from: string; text: string }> }> };
      expect(exported.letters).toHaveLength(1);
      const readable = response.body.readable as string;
      expect(readable).toMatch(/【信件（心理信箱）】\n\d{4}-\d\d-\d\d \d\d:\d\d {2}写给：.+，/);
      expect(readable).toContain("  标题：最近有点烦");
      expect(readable).toContain("  希望的联系方式：可以在学校找我");
      expect(readable).toMatch(/\n {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}老师：收到你的信了/);
      expect(readable).not.toContain(letter.id);
      expect(exported.letters[0]).toMatchObject({ subject: "最近有点烦", contactPreference: "可以在学校找我" });
      expect(exported.letters[0]!.messages.map((line) => line.from)).toEqual(["system", "teacher"]);
      await t.request.delete("/api/v1/me").set(writer.auth).expect((response) => expect([200, 204]).toContain(response.status));
      const [row] = await t.db.select().from(letters).where(eq(letters.id, letter.id));
      expect(row).toMatchObject({ userId: null, status: "closed", alias: "已注销用户", contactPreferenceEnc: null, notifyOpenidEnc: null });
    });
  });

  describe("mailbox settings", () => {
    it("lets a county centre admin set members and texts; a counsellor may not", async () => {
      const { buildStaff } = await import("../../../tests/support/factories");
      const admin = await buildStaff(t.db, { roles: ["centre_admin"], scope: "county" });
      const changed = await t.request.patch(`/api/v1/letter-mailboxes/${w.boxA1.id}`).set(await staffAuthOf(t, admin)).send({ memberStaffIds: [w.staff.a1.id, w.staff.teacherA.id], autoAckText: "收到，谢谢你。", outOfTermNotice: "假期里回信会慢一些。" }).expect(200);
      expect(changed.body).toMatchObject({ autoAckText: "收到，谢谢你。", members: expect.arrayContaining([expect.objectContaining({ id: w.staff.teacherA.id })]) });
      const outsider = await t.request.patch(`/api/v1/letter-mailboxes/${w.boxA1.id}`).set(await staffAuthOf(t, admin)).send({ memberStaffIds: [w.staff.b1.id] }).expect(400);
      expect(outsider.body.error.code).toBe("MAILBOX_MEMBER_INVALID");
      expect((await t.request.patch(`/api/v1/letter-mailboxes/${w.boxA1.id}`).set(await staffAuthOf(t, w.staff.a1)).send({ autoAckText: "x" })).status).toBe(403);
      const boxes = (await get("/letter-mailboxes", w.staff.b1)).body as Array<{ id: string }>;
      expect(boxes.map((box) => box.id)).toEqual([w.boxB1.id]);
    });
  });
});
