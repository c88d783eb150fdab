import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { sealed } from "../../../crypto/sealedColumns";
import { chatMessages, conversations, hotlineTickets, letters, riskCorpusRows, riskFeedback } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";
import { buildLetterWorld, letterWriterIn, staffAuthOf, writeLetter, type LetterWorld } from "../../../../../tests/support/letterFixtures";

describe("risk feedback on letters and call-back topics, and when the person deletes their account", () => {
  let t: TestApp;
  let world: LetterWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await buildLetterWorld(t);
  });
  afterAll(() => t.close());

  const give = (auth: Record<string, string>, body: Record<string, unknown>) => t.request.post("/api/v1/risk-feedback").set(auth).send(body);

  it("lets a reader of the letter mark it (the letter's own text, seq 0), copying its ciphertext; others get 404 or 403", async () => {
    const writer = await letterWriterIn(t, world.schoolA1.id);
    const { letter } = await writeLetter(t, writer, { body: "我想去一个很远的地方，谁都找不到的那种，东西我都收拾好了" });
    const a1 = await staffAuthOf(t, world.staff.a1);
    const given = await give(a1, { kind: "missed", source: { kind: "letter_message", letterId: letter.id, seq: 0 }, categories: ["runaway_shut_out"] }).expect(201);
    expect(given.body).toMatchObject({ kind: "missed", sourceKind: "letter_message", sourceId: `${letter.id}/0`, suggestedCategories: ["runaway_shut_out"] });
    const [stored] = await t.db.select().from(riskFeedback).where(eq(riskFeedback.id, given.body.id));
    const [row] = await t.db.select().from(letters).where(eq(letters.id, letter.id));
    // re-sealed to the feedback row (a ciphertext opens only where it was sealed), never copied as is
    expect(stored!.textEnc).not.toBe(row!.bodyEnc);
    expect(t.services.cipher.decrypt(stored!.textEnc, sealed.riskFeedbackText.at(stored!))).toBe("我想去一个很远的地方，谁都找不到的那种，东西我都收拾好了");
    // Staff of another school's box cannot see the letter, so they cannot learn of it through feedback either.
    const refused = await give(await staffAuthOf(t, world.staff.b1), { kind: "missed", source: { kind: "letter_message", letterId: letter.id, seq: 0 } }).expect(404);
    expect(refused.body.error.code).toBe("RISK_FEEDBACK_SOURCE_NOT_FOUND");
    await give(await staffAuthOf(t, world.staff.editor), { kind: "missed", source: { kind: "letter_message", letterId: letter.id, seq: 0 } }).expect(403);
    // No such reply in the thread.
    await give(a1, { kind: "false_alarm", source: { kind: "letter_message", letterId: letter.id, seq: 7 } }).expect(404);
    await give(a1, { kind: "false_alarm", source: { kind: "letter_message", letterId: letter.id, seq: -1 } }).expect(400);
  });

  /** A call-back the counsellor holds, with the caller's topic (encrypted) as the joiner stores it. */
  const heldCallback = async (userId: string, claimedBy: string, topic: string) => {
    const now = new Date();
    const id = randomUUID();
    const [ticket] = await t.db
      .insert(hotlineTickets)
      .values({ id, userId, kind: "callback", status: "claimed", joinedAt: now, firstReadyAt: now, readyAt: now, claimedBy, claimedAt: now, topicEnc: t.services.cipher.encrypt(topic, sealed.hotlineTopic.at({ id })) })
      .returning();
    return ticket!;
  };

  it("lets the counsellor holding a call-back mark its topic; nobody else, not even a supervisor, who never sees topics", async () => {
    const caller = await letterWriterIn(t, world.schoolA1.id);
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const ticket = await heldCallback(caller.me.id, counsellor.id, "想问问怎么才能睡得久一点，永远不醒那种");
    const given = await give(counsellor.auth, { kind: "missed", source: { kind: "callback_topic", ticketId: ticket.id }, categories: ["suicide"] }).expect(201);
    expect(given.body).toMatchObject({ sourceKind: "callback_topic", sourceId: ticket.id, detectedLevel: "none" });
    const [stored] = await t.db.select().from(riskFeedback).where(eq(riskFeedback.id, given.body.id));
    expect(stored!.textEnc).not.toBe(ticket.topicEnc);
    expect(t.services.cipher.decrypt(stored!.textEnc, sealed.riskFeedbackText.at(stored!))).toBe("想问问怎么才能睡得久一点，永远不醒那种");
    const otherCounsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    for (const auth of [otherCounsellor.auth, supervisor.auth]) {
      const refused = await give(auth, { kind: "missed", source: { kind: "callback_topic", ticketId: ticket.id } }).expect(404);
      expect(refused.body.error.code).toBe("RISK_FEEDBACK_SOURCE_NOT_FOUND");
    }
    // Once the call ends its topic is erased: nothing left to mark.
    await t.db.update(hotlineTickets).set({ topicEnc: null }).where(eq(hotlineTickets.id, ticket.id));
    await give(counsellor.auth, { kind: "false_alarm", source: { kind: "callback_topic", ticketId: ticket.id } }).expect(404);
  });

  it("erases feedback on the person's chat lines and letters, and the corpus rows made from it, when they delete their account", async () => {
    const writer = await letterWriterIn(t, world.schoolA1.id);
    const other = await letterWriterIn(t, world.schoolA1.id);
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "school" });
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const now = new Date();
    const [conversation] = await t.db
      .insert(conversations)
      .values({ userId: writer.me.id, assignedStaffId: counsellor.id, status: "active", queuedAt: now, lastActivityAt: now, createdAt: now, lastSeq: 1 })
      .returning();
    await t.db.insert(chatMessages).values({
      conversationId: conversation!.id,
      seq: 1,
      senderType: "user",
      senderId: writer.me.id,
      clientMessageId: "m1",
      bodyEnc: t.services.cipher.encrypt("我今天把猫送给表姐了，她会照顾好它", sealed.chatMessageBody.at({ conversationId: conversation!.id, seq: 1 })),
      riskLevel: "none",
      riskCategories: [],
      createdAt: now,
    });
    const mine = (await writeLetter(t, writer, { body: "晚上总是睡不着，想了很多不好的事" })).letter;
    const theirs = (await writeLetter(t, other, { body: "我爸又喝醉了，我躲在房间里不敢出去" })).letter;
    const a1 = await staffAuthOf(t, world.staff.a1);
    const onChat = (await give(counsellor.auth, { kind: "missed", source: { kind: "chat_message", conversationId: conversation!.id, seq: 1 }, categories: ["suicide"] }).expect(201)).body;
    const onLetter = (await give(a1, { kind: "missed", source: { kind: "letter_message", letterId: mine.id, seq: 0 } }).expect(201)).body;
    const hotlineCounsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const ticket = await heldCallback(writer.me.id, hotlineCounsellor.id, "我不想回家了");
    const onTopic = (await give(hotlineCounsellor.auth, { kind: "missed", source: { kind: "callback_topic", ticketId: ticket.id } }).expect(201)).body;
    const onOther = (await give(a1, { kind: "missed", source: { kind: "letter_message", letterId: theirs.id, seq: 0 } }).expect(201)).body;
    await t.request.post(`/api/v1/risk-feedback/${onChat.id}/resolve`).set(supervisor.auth).send({ resolution: "corpus_row", categories: ["suicide"], level: "high" }).expect(200);
    await t.request.post(`/api/v1/risk-feedback/${onOther.id}/resolve`).set(supervisor.auth).send({ resolution: "corpus_row", categories: ["abuse_physical"], level: "high" }).expect(200);
    expect(await t.db.select().from(riskCorpusRows).where(inArray(riskCorpusRows.feedbackId, [onChat.id, onOther.id]))).toHaveLength(2);

    await t.request.delete("/api/v1/me").set(writer.auth).expect(204);

    const left = await t.db.select().from(riskFeedback).where(inArray(riskFeedback.id, [onChat.id, onLetter.id, onTopic.id, onOther.id]));
    expect(left.map((row) => row.id)).toEqual([onOther.id]);
    const corpus = await t.db.select().from(riskCorpusRows).where(inArray(riskCorpusRows.feedbackId, [onChat.id, onOther.id]));
    expect(corpus.map((row) => row.feedbackId)).toEqual([onOther.id]);
    // The letter itself stays as the service's record, detached (the letters step ran after this one).
    const [letterRow] = await t.db.select().from(letters).where(eq(letters.id, mine.id));
    expect(letterRow!.userId).toBeNull();
  });
});
