import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { CaseConcernsView } from "@xinyuan/shared";
import { auditEvents, chatMessages, conversations, hotlineTickets, letters, riskAlerts, riskFeedback } from "../db/schema";
import { systemOrigin } from "../audit/recordAudit";
import { sealed } from "../crypto/sealedColumns";
import { caseOpener } from "./caseOpener";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildSignedInStaff } from "../../../tests/support/staffSession";
import { buildLetterWorld, letterWriterIn, staffAuthOf, writeLetter, type LetterWorld } from "../../../tests/support/letterFixtures";

/**
 * 引发关注的内容: a case shows the flagged lines, letters and topics it links (no text), opens one for its
 * workers (audited), and is a source of 标记为风险 / 误报 with the case's permission.
 */
describe("cases.concerns", () => {
  let t: TestApp;
  let world: LetterWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await buildLetterWorld(t);
  });
  afterAll(() => t.close());

  const flaggedLine = "我不想活了，药都准备好了";
  const quietLine = "今天数学课好难";
  const markedLine = "反正也没有人在乎我会怎么样";
  const letterText = "我爸喝醉了就打我，身上都是伤";
  const topic = "想问问怎么才能永远不醒";

  /** A student of school A1 with a chat (a flagged line, a staff line, an unflagged line, a line a counsellor may mark), a letter, a waiting call-back with its topic, and a case linking all three. */
  const buildCaseWorld = async () => {
    const student = await letterWriterIn(t, world.schoolA1.id);
    const chatCounsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "school", schoolId: world.schoolA1.id, areaId: world.areaA.id });
    const now = new Date();
    const [conversation] = await t.db
      .insert(conversations)
      .values({ userId: student.me.id, assignedStaffId: chatCounsellor.id, status: "active", queuedAt: now, lastActivityAt: now, createdAt: now, lastSeq: 4 })
      .returning();
    const line = (seq: number, senderType: "user" | "staff", text: string, riskLevel: string | null, riskCategories: string[] = []) => ({
      conversationId: conversation!.id,
      seq,
      senderType,
      senderId: senderType === "user" ? student.me.id : chatCounsellor.id,
      clientMessageId: `m${seq}`,
      bodyEnc: t.services.cipher.encrypt(text, sealed.chatMessageBody.at({ conversationId: conversation!.id, seq })),
      riskLevel,
      riskCategories,
      createdAt: new Date(now.getTime() + seq * 1000),
    });
    await t.db.insert(chatMessages).values([line(1, "user", flaggedLine, "high", ["suicide"]), line(2, "staff", "我在，慢慢说。", null), line(3, "user", quietLine, "none"), line(4, "user", markedLine, "none")]);
    const { letter } = await writeLetter(t, student, { body: letterText });
    // What the detector said is the letter feature's business; fixed here so the test does not depend on the lexicon.
    await t.db.update(letters).set({ riskLevel: "high", riskCategories: ["abuse_physical"] }).where(eq(letters.id, letter.id));
    const ticketId = randomUUID();
    await t.db.insert(hotlineTickets).values({ id: ticketId, userId: student.me.id, kind: "callback", status: "waiting", joinedAt: now, firstReadyAt: now, readyAt: now, schoolId: world.schoolA1.id, areaId: world.areaA.id, topicEnc: t.services.cipher.encrypt(topic, sealed.hotlineTopic.at({ id: ticketId })) });
    await t.db.insert(riskAlerts).values({ sourceKind: "hotline", sourceId: ticketId, level: "high", categories: ["suicide"], subjectAlias: student.me.alias ?? "学生", userId: student.me.id, createdAt: now, escalateAt: now });
    const team = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "school", schoolId: world.schoolA1.id, areaId: world.areaA.id });
    const { caseId } = await t.db.transaction((tx) =>
      caseOpener({
        tx,
        cipher: t.services.cipher,
        origin: systemOrigin,
        now,
        signal: {
          sourceKind: "alert",
          sourceId: randomUUID(),
          level: "warning",
          userId: student.me.id,
          subjectAlias: "预警对象",
          schoolId: world.schoolA1.id,
          links: [
            { kind: "chat_conversation", id: conversation!.id },
            { kind: "letter", id: letter.id },
            { kind: "hotline_ticket", id: ticketId },
          ],
          reporterId: team.id,
        },
      }),
    );
    return { student, chatCounsellor, conversation: conversation!, letter, ticketId, team, caseId };
  };

  const concerns = (caseId: string, auth: Record<string, string>) => t.request.get(`/api/v1/cases/${caseId}/concerns`).set(auth);
  const read = (caseId: string, auth: Record<string, string>, source: Record<string, unknown>) => t.request.post(`/api/v1/cases/${caseId}/concerns/read`).set(auth).send({ source });
  const give = (auth: Record<string, string>, body: Record<string, unknown>) => t.request.post("/api/v1/risk-feedback").set(auth).send(body);
  const readAudits = (caseId: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "case.source_read"), eq(auditEvents.targetId, caseId)));

  it("lists only the flagged items, without text, to the case's readers; another school's counsellor gets 404", async () => {
    const { caseId, team, conversation, letter, ticketId } = await buildCaseWorld();
    const response = await concerns(caseId, team.auth).expect(200);
    const view = response.body as CaseConcernsView;
    expect(view.canReadText).toBe(true);
    expect(view.items.map((item) => item.source)).toEqual(
      expect.arrayContaining([
        { kind: "chat_message", conversationId: conversation.id, seq: 1 },
        { kind: "letter_message", letterId: letter.id, seq: 0 },
        { kind: "callback_topic", ticketId },
      ]),
    );
    expect(view.items.map((item) => item.at)).toEqual([...view.items.map((item) => item.at)].sort());
    expect(view.items).toHaveLength(3);
    expect(view.items.find((item) => item.source.kind === "chat_message")).toMatchObject({ detectedLevel: "high", detectedCategories: ["suicide"], flaggedBy: "detector" });
    expect(view.items.find((item) => item.source.kind === "callback_topic")).toMatchObject({ detectedLevel: "high", detectedCategories: ["suicide"] });
    for (const text of [flaggedLine, quietLine, markedLine, letterText, topic]) expect(response.text).not.toContain(text);
    // A centre admin in scope reads the case, so sees that the items exist, but may not open them.
    const centre = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    expect(((await concerns(caseId, centre.auth).expect(200)).body as CaseConcernsView).canReadText).toBe(false);
    const other = await staffAuthOf(t, world.staff.b1);
    expect((await concerns(caseId, other).expect(404)).body.error.code).toBe("CASE_NOT_FOUND");
  });

  it("opens one item for the team or a supervisor in scope, audited without the text; nothing the case does not show", async () => {
    const { caseId, team, conversation, letter } = await buildCaseWorld();
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "area", areaId: world.areaA.id });
    const chatSource = { kind: "chat_message", conversationId: conversation.id, seq: 1 };
    expect((await read(caseId, team.auth, chatSource).expect(200)).body).toEqual({ text: flaggedLine });
    expect((await read(caseId, supervisor.auth, { kind: "letter_message", letterId: letter.id, seq: 0 }).expect(200)).body).toEqual({ text: letterText });
    const audits = await readAudits(caseId);
    expect(audits.map((row) => [row.actorId, row.detail])).toEqual(
      expect.arrayContaining([
        [team.id, { sourceKind: "chat_message", sourceId: `${conversation.id}/1` }],
        [supervisor.id, { sourceKind: "letter_message", sourceId: `${letter.id}/0` }],
      ]),
    );
    expect(audits).toHaveLength(2);
    for (const row of audits) expect(JSON.stringify(row)).not.toMatch(/不想活|喝醉/);
    // The unflagged line, the counsellor's own line and a seq that does not exist are not the case's to open.
    for (const seq of [2, 3, 99]) expect((await read(caseId, team.auth, { ...chatSource, seq }).expect(404)).body.error.code).toBe("CASE_CONCERN_NOT_FOUND");
    // Another school's counsellor: the case does not exist for them. A centre admin: may read the case, not the words.
    expect((await read(caseId, await staffAuthOf(t, world.staff.b1), chatSource).expect(404)).body.error.code).toBe("CASE_NOT_FOUND");
    const centre = await buildSignedInStaff(t, { roles: ["centre_admin", "counsellor"], scope: "county" });
    await read(caseId, centre.auth, chatSource).expect(403);
    await read(caseId, team.auth, { kind: "chat_message", conversationId: conversation.id, seq: 0 }).expect(400);
    expect(await readAudits(caseId)).toHaveLength(2);
  });

  it("takes 标记为风险 / 误报 from the case with the case's permission, copying the ciphertext, into the review queue", async () => {
    const { caseId, conversation, letter } = await buildCaseWorld();
    // A county supervisor follows the case but is no reader of the school's letter box.
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const letterSource = { kind: "letter_message", letterId: letter.id, seq: 0 };
    expect((await give(supervisor.auth, { kind: "false_alarm", source: letterSource }).expect(404)).body.error.code).toBe("RISK_FEEDBACK_SOURCE_NOT_FOUND");
    const given = await give(supervisor.auth, { kind: "false_alarm", source: { kind: "case_source", caseId, source: letterSource } }).expect(201);
    expect(given.body).toMatchObject({ kind: "false_alarm", sourceKind: "letter_message", sourceId: `${letter.id}/0`, detectedLevel: "high", detectedCategories: ["abuse_physical"] });
    const [stored] = await t.db.select().from(riskFeedback).where(eq(riskFeedback.id, given.body.id));
    const [letterRow] = await t.db.select().from(letters).where(eq(letters.id, letter.id));
    expect(stored!.textEnc).not.toBe(letterRow!.bodyEnc);
    expect(t.services.cipher.decrypt(stored!.textEnc, sealed.riskFeedbackText.at(stored!))).toBe(letterText);
    // Once per person, source and kind: the same mark again (from the case) returns the first.
    const again = await give(supervisor.auth, { kind: "false_alarm", source: { kind: "case_source", caseId, source: letterSource } });
    expect(again.body.id).toBe(given.body.id);
    const reviewer = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const queue = await t.request.get("/api/v1/risk-feedback").set(reviewer.auth).expect(200);
    expect(JSON.stringify(queue.body)).toContain(given.body.id);
    // Only what the case shows, and only for those who may read it.
    await give(supervisor.auth, { kind: "missed", source: { kind: "case_source", caseId, source: { kind: "chat_message", conversationId: conversation.id, seq: 3 } } }).expect(404);
    const refused = await give(await staffAuthOf(t, world.staff.b1), { kind: "missed", source: { kind: "case_source", caseId, source: letterSource } }).expect(404);
    expect(refused.body.error.code).toBe("RISK_FEEDBACK_SOURCE_NOT_FOUND");
    await give(supervisor.auth, { kind: "missed", source: { kind: "case_source", caseId: randomUUID(), source: letterSource } }).expect(404);
  });

  it("shows a line a counsellor marked 标记为风险 that the detector missed", async () => {
    const { caseId, chatCounsellor, conversation, team } = await buildCaseWorld();
    const marked = { kind: "chat_message", conversationId: conversation.id, seq: 4 };
    await give(chatCounsellor.auth, { kind: "missed", source: marked, categories: ["suicide"] }).expect(201);
    const view = (await concerns(caseId, team.auth).expect(200)).body as CaseConcernsView;
    expect(view.items.find((item) => item.source.kind === "chat_message" && item.source.seq === 4)).toMatchObject({ detectedLevel: "none", flaggedBy: "counsellor" });
    expect((await read(caseId, team.auth, marked).expect(200)).body).toEqual({ text: markedLine });
    // the unmarked, unflagged line stays out
    expect(view.items.some((item) => item.source.kind === "chat_message" && item.source.seq === 3)).toBe(false);
  });

  it("keeps a letter its writer kept from their school hidden from that school's staff, through the case too", async () => {
    const { caseId, team, letter } = await buildCaseWorld();
    await t.db.update(letters).set({ keepFromSchool: true }).where(eq(letters.id, letter.id));
    const letterSource = { kind: "letter_message", letterId: letter.id, seq: 0 };
    const seen = (await concerns(caseId, team.auth).expect(200)).body as CaseConcernsView;
    expect(seen.items.map((item) => item.source.kind).sort()).toEqual(["callback_topic", "chat_message"]);
    expect((await read(caseId, team.auth, letterSource).expect(404)).body.error.code).toBe("CASE_CONCERN_NOT_FOUND");
    await give(team.auth, { kind: "false_alarm", source: { kind: "case_source", caseId, source: letterSource } }).expect(404);
    // An area supervisor is not the school's staff: the case shows it to them.
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "area", areaId: world.areaA.id });
    expect((await read(caseId, supervisor.auth, letterSource).expect(200)).body).toEqual({ text: letterText });
  });

  it("erases feedback given from the case when the student deletes their account", async () => {
    const { caseId, student, conversation, team } = await buildCaseWorld();
    const onChat = (await give(team.auth, { kind: "false_alarm", source: { kind: "case_source", caseId, source: { kind: "chat_message", conversationId: conversation.id, seq: 1 } } }).expect(201)).body;
    const other = await buildCaseWorld();
    const onOther = (await give(other.team.auth, { kind: "false_alarm", source: { kind: "case_source", caseId: other.caseId, source: { kind: "chat_message", conversationId: other.conversation.id, seq: 1 } } }).expect(201)).body;
    await t.request.delete("/api/v1/me").set(student.auth).expect(204);
    const left = await t.db.select({ id: riskFeedback.id }).from(riskFeedback).where(inArray(riskFeedback.id, [onChat.id, onOther.id]));
    expect(left.map((row) => row.id)).toEqual([onOther.id]);
  });
});
