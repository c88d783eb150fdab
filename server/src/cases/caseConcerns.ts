import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { riskLevelRank, type CaseConcernsView, type CaseConcernView, type RiskFeedbackSourceKind, type RiskLevel, type RiskTextSource, type StoredRiskSignalCategory } from "@xinyuan/shared";
import { caseLinks, chatMessages, hotlineTickets, letterMessages, letters, riskAlerts, riskFeedback } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { SealPlace } from "../crypto/fieldCipher";
import { sealed } from "../crypto/sealedColumns";
import type { StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { canReadCase, canReadCaseSources } from "./casePolicy";
import { loadCase } from "./caseQueries";
import { letterKeptFrom } from "../letters/lettersPolicy";

/**
 * 引发关注的内容 of a case, as the server keeps it: the view plus the still-encrypted text and where it is
 * sealed. Only what was flagged (by the detector, or a counsellor's 标记为风险) in the chats, letters and
 * call-backs the case links; never the lines around it (a case worker needs what raised concern, not the
 * conversation: the chat's own rules guard the rest). A letter its writer kept from their school stays
 * hidden from that school's staff here too.
 */
export interface CaseConcern extends CaseConcernView {
  /** Where the words live and their id there, as risk_feedback stores them (conversation/seq, letter/seq, ticket). */
  sourceKind: RiskFeedbackSourceKind;
  sourceId: string;
  textEnc: string;
  place: SealPlace;
  /** A letter the writer kept from their school: not shown to that school's staff, through the case either. */
  keptFrom: Pick<typeof letters.$inferSelect, "keepFromSchool" | "originSchoolId"> | null;
}

/** The id a source has in risk_feedback (and in the case.source_read audit row). */
export function riskTextSourceId(source: RiskTextSource): string {
  if (source.kind === "chat_message") return `${source.conversationId}/${source.seq}`;
  if (source.kind === "letter_message") return `${source.letterId}/${source.seq}`;
  return source.ticketId;
}

/** Leaves out what a reader may not see whatever the case says (letterKeptFrom). */
const visibleTo = (actor: StaffActor) => (concern: CaseConcern) => !concern.keptFrom || !letterKeptFrom(actor, concern.keptFrom);

const flagged = (level: string | null): level is RiskLevel => level !== null && level !== "none";

/** Every flagged item of the case's linked chats, letters and call-backs, oldest first, text still sealed. */
export async function caseConcernsOf(db: DbOrTx, caseId: string): Promise<CaseConcern[]> {
  const links = await db.select({ kind: caseLinks.kind, targetId: caseLinks.targetId }).from(caseLinks).where(eq(caseLinks.caseId, caseId));
  const idsOf = (kind: string) => [...new Set(links.filter((link) => link.kind === kind).map((link) => link.targetId))];
  const chatIds = idsOf("chat_conversation");
  const letterIds = idsOf("letter");
  const ticketIds = idsOf("hotline_ticket");
  const parents = [...chatIds, ...letterIds, ...ticketIds];
  if (parents.length === 0) return [];

  // What a counsellor marked 标记为风险 in these sources (the detector may have said nothing).
  const marked = new Set(
    (
      await db
        .select({ sourceKind: riskFeedback.sourceKind, sourceId: riskFeedback.sourceId })
        .from(riskFeedback)
        .where(and(eq(riskFeedback.kind, "missed"), inArray(sql<string>`split_part(${riskFeedback.sourceId}, '/', 1)`, parents)))
    ).map((row) => `${row.sourceKind}:${row.sourceId}`),
  );
  const markedIds = (kind: RiskFeedbackSourceKind) => [...marked].filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
  const flaggedOrMarked = (level: AnyPgColumn, key: SQL<string>, kind: RiskFeedbackSourceKind): SQL => {
    const ids = markedIds(kind);
    const detected = sql`coalesce(${level}, 'none') <> 'none'`;
    return ids.length > 0 ? or(detected, inArray(key, ids))! : detected;
  };
  const concerns: CaseConcern[] = [];
  const push = (item: Omit<CaseConcern, "flaggedBy">) => concerns.push({ ...item, flaggedBy: flagged(item.detectedLevel) ? "detector" : "counsellor" });

  if (chatIds.length > 0) {
    const lines = await db
      .select()
      .from(chatMessages)
      .where(
        and(
          inArray(chatMessages.conversationId, chatIds),
          eq(chatMessages.senderType, "user"),
          flaggedOrMarked(chatMessages.riskLevel, sql<string>`${chatMessages.conversationId}::text || '/' || ${chatMessages.seq}::text`, "chat_message"),
        ),
      );
    for (const line of lines) {
      const source = { kind: "chat_message" as const, conversationId: line.conversationId, seq: line.seq };
      push({ source, sourceKind: "chat_message", sourceId: riskTextSourceId(source), at: line.createdAt.toISOString(), detectedLevel: (line.riskLevel ?? "none") as RiskLevel, detectedCategories: line.riskCategories as StoredRiskSignalCategory[], textEnc: line.bodyEnc, place: sealed.chatMessageBody.at(line), keptFrom: null });
    }
  }

  if (letterIds.length > 0) {
    // A letter whose text retention erased has nothing left to show.
    const kept = await db.select().from(letters).where(and(inArray(letters.id, letterIds), isNull(letters.contentErasedAt)));
    const markedLetters = new Set(markedIds("letter_message"));
    for (const letter of kept) {
      const source = { kind: "letter_message" as const, letterId: letter.id, seq: 0 };
      if (!flagged(letter.riskLevel) && !markedLetters.has(riskTextSourceId(source))) continue;
      push({ source, sourceKind: "letter_message", sourceId: riskTextSourceId(source), at: letter.createdAt.toISOString(), detectedLevel: letter.riskLevel as RiskLevel, detectedCategories: letter.riskCategories as StoredRiskSignalCategory[], textEnc: letter.bodyEnc, place: sealed.letterBody.at(letter), keptFrom: letter });
    }
    const letterById = new Map(kept.map((letter) => [letter.id, letter]));
    if (kept.length > 0) {
      const replies = await db
        .select()
        .from(letterMessages)
        .where(
          and(
            inArray(letterMessages.letterId, kept.map((letter) => letter.id)),
            eq(letterMessages.senderType, "writer"),
            flaggedOrMarked(letterMessages.riskLevel, sql<string>`${letterMessages.letterId}::text || '/' || ${letterMessages.seq}::text`, "letter_message"),
          ),
        );
      for (const reply of replies) {
        const source = { kind: "letter_message" as const, letterId: reply.letterId, seq: reply.seq };
        push({ source, sourceKind: "letter_message", sourceId: riskTextSourceId(source), at: reply.createdAt.toISOString(), detectedLevel: (reply.riskLevel ?? "none") as RiskLevel, detectedCategories: [], textEnc: reply.bodyEnc, place: sealed.letterMessageBody.at(reply), keptFrom: letterById.get(reply.letterId) ?? null });
      }
    }
  }

  if (ticketIds.length > 0) {
    // A topic is kept only while the ticket is open (erased when the call ends); its level is the alert it raised.
    const tickets = await db.select().from(hotlineTickets).where(and(inArray(hotlineTickets.id, ticketIds), sql`${hotlineTickets.topicEnc} is not null`));
    const alerts = tickets.length > 0 ? await db.select().from(riskAlerts).where(and(eq(riskAlerts.sourceKind, "hotline"), inArray(riskAlerts.sourceId, tickets.map((ticket) => ticket.id)))) : [];
    const markedTopics = new Set(markedIds("callback_topic"));
    for (const ticket of tickets) {
      const top = alerts.filter((alert) => alert.sourceId === ticket.id).sort((a, b) => riskLevelRank[b.level as RiskLevel] - riskLevelRank[a.level as RiskLevel])[0];
      if (!top && !markedTopics.has(ticket.id)) continue;
      const source = { kind: "callback_topic" as const, ticketId: ticket.id };
      push({ source, sourceKind: "callback_topic", sourceId: ticket.id, at: (top?.createdAt ?? ticket.joinedAt).toISOString(), detectedLevel: (top?.level ?? "none") as RiskLevel, detectedCategories: (top?.categories ?? []) as StoredRiskSignalCategory[], textEnc: ticket.topicEnc!, place: sealed.hotlineTopic.at(ticket), keptFrom: null });
    }
  }
  return concerns.sort((a, b) => a.at.localeCompare(b.at));
}

/** One of the case's concerns by where it lives, or null when the case does not show it to this reader. */
export async function findCaseConcern(db: DbOrTx, actor: StaffActor, caseId: string, source: RiskTextSource): Promise<CaseConcern | null> {
  const sourceId = riskTextSourceId(source);
  return (await caseConcernsOf(db, caseId)).filter(visibleTo(actor)).find((concern) => concern.sourceKind === source.kind && concern.sourceId === sourceId) ?? null;
}

/** 引发关注的内容 for a reader of the case (others: 404), without any text. */
export async function listCaseConcerns(props: { db: DbOrTx; actor: StaffActor; caseId: string }): Promise<CaseConcernsView> {
  const row = await loadCase(props.db, props.caseId);
  if (!canReadCase(props.actor, row)) throw new AppError(404, "CASE_NOT_FOUND");
  const concerns = (await caseConcernsOf(props.db, row.id)).filter(visibleTo(props.actor));
  return {
    items: concerns.map(({ source, at, detectedLevel, detectedCategories, flaggedBy }) => ({ source, at, detectedLevel, detectedCategories, flaggedBy })),
    canReadText: canReadCaseSources(props.actor, row),
  };
}
