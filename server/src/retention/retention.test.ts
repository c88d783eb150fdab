import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { RetentionView, StaffScope } from "@xinyuan/shared";
import { auditEvents, caseLinks, chatMessages, chatNotes, contactRecords, conversations, crisisCases, hotlineTickets, letterMessages, letters, mailboxes, retentionRuns, riskCorpusRows, riskFeedback } from "../db/schema";
import { sealed } from "../crypto/sealedColumns";
import { openDatabase } from "../db/openDatabase";
import { buildServices } from "../buildServices";
import { createLogger } from "../logger";
import type { Services } from "../services";
import { chatFigures } from "../statistics/serviceStatistics";
import { letterCounts } from "../statistics/letterStatistics";
import { contactCounts } from "../statistics/contactStatistics";
import { statisticsPeriodOf } from "../statistics/statisticsPeriod";
import { countyDateOf } from "../countyTime";
import { erasedText } from "./retentionSweeps";
import { retentionEraser } from "./retentionRuns";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildSignedInStaff } from "../../../tests/support/staffSession";
import { buildCaller } from "../../../tests/support/hotlineFixtures";

const dayMs = 86_400_000;
const county: StaffScope = { level: "county", areaId: null, schoolId: null };

describe("retention: periods, dry run, daily erasure", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  let countyBoxId: string;
  const longAgo = new Date(Date.now() - 4 * 365 * dayMs);
  const yesterday = new Date(Date.now() - dayMs);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildSignedInStaff(t, { roles: ["centre_admin"] });
    const [box] = await t.db.select().from(mailboxes).where(eq(mailboxes.kind, "county"));
    countyBoxId = box?.id ?? (await t.db.insert(mailboxes).values({ kind: "county", name: "县中心信箱" }).returning())[0]!.id;
  });
  afterAll(() => t.close());

  const enc = (text: string, place: Parameters<typeof t.services.cipher.encrypt>[1]) => t.services.cipher.encrypt(text, place);

  /** One student's chat, letter, contact record, call-back and risk feedback, all ended at `at`. */
  async function recordsOf(userId: string, at: Date) {
    const staffId = admin.id;
    const conversationId = randomUUID();
    await t.db.insert(conversations).values({ id: conversationId, userId, assignedStaffId: staffId, status: "closed", queuedAt: at, lastActivityAt: at, closedAt: at, rating: 4, ratingCommentEnc: enc("谢谢老师", sealed.conversationRatingComment.at({ id: conversationId })), createdAt: at, lastSeq: 2 });
    await t.db.insert(chatMessages).values([
      { conversationId, seq: 1, senderType: "user", senderId: userId, clientMessageId: randomUUID(), bodyEnc: enc("我最近睡不着", sealed.chatMessageBody.at({ conversationId, seq: 1 })), riskLevel: "none", createdAt: at },
      { conversationId, seq: 2, senderType: "staff", senderId: staffId, clientMessageId: randomUUID(), bodyEnc: enc("我在，慢慢说", sealed.chatMessageBody.at({ conversationId, seq: 2 })), createdAt: new Date(at.getTime() + 60_000) },
    ]);
    const noteId = randomUUID();
    await t.db.insert(chatNotes).values({ id: noteId, conversationId, staffId, bodyEnc: enc("需要跟进", sealed.chatNoteBody.at({ id: noteId })), createdAt: at });
    const letterId = randomUUID();
    await t.db.insert(letters).values({
      id: letterId, userId, alias: "来信人", writerRole: "student", mailboxId: countyBoxId, mailboxKind: "county", handlingMailboxId: countyBoxId, handlingMailboxKind: "county",
      subjectEnc: enc("同桌", sealed.letterSubject.at({ id: letterId })), bodyEnc: enc("我和同桌闹翻了", sealed.letterBody.at({ id: letterId })), status: "closed", dueAt: at, closedAt: at,
      clientSubmitId: randomBytes(6).toString("hex"), lastSeq: 1, createdAt: at, updatedAt: at,
    });
    await t.db.insert(letterMessages).values({ letterId, seq: 1, senderType: "staff", staffId, clientMessageId: randomUUID(), bodyEnc: enc("收到你的信了", sealed.letterMessageBody.at({ letterId, seq: 1 })), createdAt: new Date(at.getTime() + 3_600_000) });
    const recordId = randomUUID();
    await t.db.insert(contactRecords).values({ id: recordId, channel: "chat", userId, staffId, sourceType: "conversation", sourceId: conversationId, riskLevel: "low", summaryEnc: enc("学业压力", sealed.contactSummary.at({ id: recordId })), recordedAt: at });
    const ticketId = randomUUID();
    await t.db.insert(hotlineTickets).values({ id: ticketId, userId, kind: "callback", status: "done", joinedAt: at, firstReadyAt: at, readyAt: at, closedAt: at, phoneEnc: enc("13800138000", sealed.hotlinePhone.at({ id: ticketId })), topicEnc: enc("睡不着", sealed.hotlineTopic.at({ id: ticketId })) });
    const feedbackId = randomUUID();
    await t.db.insert(riskFeedback).values({ id: feedbackId, kind: "missed", sourceKind: "chat", sourceId: `${conversationId}:1`, textEnc: enc("我最近睡不着", sealed.riskFeedbackText.at({ id: feedbackId })), detectedLevel: "none", staffId, status: "resolved", resolvedAt: at, createdAt: at });
    const corpusId = randomUUID();
    await t.db.insert(riskCorpusRows).values({ id: corpusId, textEnc: enc("我最近睡不着", sealed.riskCorpusText.at({ id: corpusId })), level: "low", feedbackId, addedBy: staffId, createdAt: at });
    return { conversationId, letterId, recordId, ticketId, feedbackId, corpusId };
  }

  async function openCase(props: { userId?: string | null; linkTo?: string }) {
    const [row] = await t.db.insert(crisisCases).values({ userId: props.userId ?? null, subjectAlias: "个案", level: "high", status: "open", sourceKind: "manual", openedAt: new Date(), updatedAt: new Date() }).returning();
    if (props.linkTo) await t.db.insert(caseLinks).values({ caseId: row!.id, kind: "chat", targetId: props.linkTo, at: new Date() });
  }

  const messagesOf = async (conversationId: string) =>
    (await t.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversationId))).map((row) => t.services.cipher.decrypt(row.bodyEnc, sealed.chatMessageBody.at(row)));
  const letterTextOf = async (letterId: string) => {
    const [row] = await t.db.select().from(letters).where(eq(letters.id, letterId));
    return t.services.cipher.decrypt(row!.bodyEnc, sealed.letterBody.at(row!));
  };
  const figures = async () => {
    const period = statisticsPeriodOf({ from: countyDateOf(new Date(longAgo.getTime() - dayMs)), to: countyDateOf(new Date(longAgo.getTime() + dayMs)) });
    return { chats: await chatFigures(t.db, period), letters: await letterCounts(t.db, county, period), contacts: await contactCounts(t.db, county, period) };
  };
  const allKinds = (view: RetentionView) => view.kinds.map((kind) => ({ kind: kind.kind, days: kind.days, enabled: true }));

  it("is for county centre admins only", async () => {
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"] });
    await t.request.get("/api/v1/settings/retention").set(counsellor.auth).expect(403);
    await t.request.post("/api/v1/settings/retention/dry-run").set(counsellor.auth).expect(403);
    const tooShort = await t.request.patch("/api/v1/settings/retention").set(admin.auth).send({ kinds: [{ kind: "chats", days: 3, enabled: false }] }).expect(400);
    expect(tooShort.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("counts in a dry run without changing anything, erases only enabled kinds once a day, spares open cases, keeps statistics", async () => {
    const plain = await buildCaller(t.db);
    const underCase = await buildCaller(t.db);
    const linked = await buildCaller(t.db);
    const old = await recordsOf(plain.id, longAgo);
    const recent = await recordsOf(plain.id, yesterday);
    const kept = await recordsOf(underCase.id, longAgo);
    const linkedOld = await recordsOf(linked.id, longAgo);
    await openCase({ userId: underCase.id });
    await openCase({ linkTo: linkedOld.conversationId });

    const view = (await t.request.get("/api/v1/settings/retention").set(admin.auth).expect(200)).body as RetentionView;
    expect(view.kinds.find((kind) => kind.kind === "chats")).toMatchObject({ days: 1095, enabled: false, lastDryRun: null });
    // Enabling before a dry run is refused, with a kind Chinese message, and changes nothing.
    const refused = await t.request.patch("/api/v1/settings/retention").set(admin.auth).send({ kinds: allKinds(view) }).expect(409);
    expect(refused.body.error).toMatchObject({ code: "RETENTION_DRY_RUN_REQUIRED", message: expect.stringContaining("预览") });
    expect(await retentionEraser({ services: t.services })).toEqual({ ran: false, counts: {} });

    const before = { figures: await figures(), messages: await t.db.select().from(chatMessages), letters: await t.db.select().from(letters) };
    const dry = (await t.request.post("/api/v1/settings/retention/dry-run").set(admin.auth).expect(200)).body as RetentionView;
    const counted = Object.fromEntries(dry.kinds.map((kind) => [kind.kind, kind.lastDryRun?.count]));
    // The recent records are inside the period; `underCase` has an open case (all kept); `linked` only has its
    // chat (and the contact record made from it) linked to an open case, so its letter and call-back go.
    // Risk feedback belongs to no student: the three old feedback texts and their three corpus rows.
    expect(counted).toEqual({ chats: 1, letters: 2, contactSummaries: 1, callbackTopics: 2, riskFeedback: 6, appointmentNotes: 0 });
    expect(await t.db.select().from(chatMessages)).toEqual(before.messages);
    expect(await t.db.select().from(letters)).toEqual(before.letters);
    expect(JSON.stringify(dry)).not.toContain("睡不着");

    const enabled = (await t.request.patch("/api/v1/settings/retention").set(admin.auth).send({ kinds: allKinds(dry) }).expect(200)).body as RetentionView;
    expect(enabled.kinds.every((kind) => kind.enabled)).toBe(true);

    // Two processes at once (on PostgreSQL a second connection pool, as a second server would have): one erases.
    const url = (t.database as { url?: string }).url;
    const second = url ? await openDatabase({ databaseUrl: url, poolSize: 3 }) : undefined;
    const otherServices: Services = second ? buildServices(t.services.config, second, { clock: t.clock, log: createLogger("silent") }) : t.services;
    try {
      const runs = await Promise.all([retentionEraser({ services: t.services }), retentionEraser({ services: otherServices })]);
      expect(runs.filter((run) => run.ran)).toHaveLength(1);
      expect(runs.find((run) => run.ran)!.counts).toEqual(counted);
    } finally {
      await second?.close();
    }

    expect(await messagesOf(old.conversationId)).toEqual([erasedText, erasedText]);
    expect(await letterTextOf(old.letterId)).toBe(erasedText);
    expect(await messagesOf(recent.conversationId)).toEqual(["我最近睡不着", "我在，慢慢说"]);
    expect(await messagesOf(kept.conversationId)).toEqual(["我最近睡不着", "我在，慢慢说"]);
    expect(await letterTextOf(kept.letterId)).toBe("我和同桌闹翻了");
    expect(await messagesOf(linkedOld.conversationId)).toEqual(["我最近睡不着", "我在，慢慢说"]);
    const [record] = await t.db.select().from(contactRecords).where(eq(contactRecords.id, old.recordId));
    expect(record).toMatchObject({ summaryEnc: null, riskLevel: "low", channel: "chat" });
    const [ticket] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, old.ticketId));
    expect(ticket).toMatchObject({ phoneEnc: null, topicEnc: null, status: "done" });
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.id, old.conversationId));
    expect(conversation).toMatchObject({ rating: 4, ratingCommentEnc: null, status: "closed" });
    expect(conversation!.contentErasedAt).not.toBeNull();
    expect(await t.db.select().from(riskCorpusRows).where(inArray(riskCorpusRows.id, [old.corpusId, kept.corpusId]))).toEqual([]);
    expect(await t.db.select().from(riskCorpusRows).where(eq(riskCorpusRows.id, recent.corpusId))).toHaveLength(1);

    // The statistics read the same figures after erasure.
    expect(await figures()).toEqual(before.figures);

    // Audited with counts; the same day does not run again; the next day's run finds nothing left.
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "retention.erase"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ counts: counted });
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "retention.dry_run"))).toHaveLength(1);
    expect(await retentionEraser({ services: t.services })).toEqual({ ran: false, counts: {} });
    t.clock.advance(dayMs);
    const next = await retentionEraser({ services: t.services });
    expect(next.ran).toBe(true);
    expect(Object.values(next.counts).every((n) => n === 0)).toBe(true);
    expect(await messagesOf(kept.conversationId)).toEqual(["我最近睡不着", "我在，慢慢说"]);
    expect(await t.db.select().from(retentionRuns).where(and(eq(retentionRuns.mode, "erase")))).toHaveLength(2);
  });

});
