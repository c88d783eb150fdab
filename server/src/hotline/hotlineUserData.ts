import { and, asc, eq, inArray } from "drizzle-orm";
import { contactRecords, hotlineTickets } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime, labelOf } from "../users/exportText";
import { hotlineTicketKindLabels, hotlineTicketStatusLabels } from "@xinyuan/shared";
import { endingFields } from "./lockTicket";
import { announceQueueChange, noticeToStaff } from "./hotlineBroadcast";
import { sealed } from "../crypto/sealedColumns";

/**
 * Account deletion: active tickets are cancelled; every ticket loses its phone, topic and reminder
 * address and is detached from the account (the anonymous statistics stay). Contact records are kept
 * (measure 3: records kept properly) but detached from the account, so the alias no longer links them.
 * After the commit, a counsellor holding the call is told it was cancelled and the queue moves up.
 */
export const hotlineDeletionStep: AccountDeletionStep = {
  name: "hotline",
  async run({ tx, services, userId, now }) {
    const ended = await tx
      .update(hotlineTickets)
      .set(endingFields(now, "cancelled", null))
      .where(and(eq(hotlineTickets.userId, userId), inArray(hotlineTickets.status, ["waiting", "claimed"])))
      .returning({ id: hotlineTickets.id, number: hotlineTickets.number, claimedBy: hotlineTickets.claimedBy });
    await tx.update(hotlineTickets).set({ userId: null, phoneEnc: null, topicEnc: null, notifyOpenidEnc: null, notifyTemplates: [] }).where(eq(hotlineTickets.userId, userId));
    await tx.update(contactRecords).set({ userId: null }).where(eq(contactRecords.userId, userId));
    if (ended.length === 0) return;
    return () => {
      for (const ticket of ended) if (ticket.claimedBy) noticeToStaff(services, ticket.claimedBy, { ticketId: ticket.id, number: ticket.number, reason: "cancelled" });
      announceQueueChange(services);
    };
  },
};

/**
 * The user's hotline tickets. The phone and topic appear only while a ticket is active (they are erased
 * when it ends). Counsellors' contact records are not exported here: their notes are professional
 * assessments, released on request through the centre rather than self-served to a minor.
 */
export const hotlineExportSection = exportSection({
  key: "hotline",
  title: "热线回电",
  async collect({ db, services, userId }) {
    const rows = await db.select().from(hotlineTickets).where(eq(hotlineTickets.userId, userId)).orderBy(asc(hotlineTickets.joinedAt));
    return rows.map((row) => ({
      number: row.number,
      kind: row.kind,
      status: row.status,
      joinedAt: row.joinedAt.toISOString(),
      window: row.windowStart && row.windowEnd ? { start: row.windowStart.toISOString(), end: row.windowEnd.toISOString() } : null,
      phone: row.phoneEnc ? services.cipher.decrypt(row.phoneEnc, sealed.hotlinePhone.at(row)) : null,
      topic: row.topicEnc ? services.cipher.decrypt(row.topicEnc, sealed.hotlineTopic.at(row)) : null,
      attempts: row.attempts,
      closedAt: row.closedAt?.toISOString() ?? null,
    }));
  },
  render(tickets) {
    return tickets.flatMap((ticket) => [
      `${exportTime(ticket.joinedAt)}  ${labelOf(hotlineTicketKindLabels, ticket.kind)}，排队号 ${ticket.number}，${labelOf(hotlineTicketStatusLabels, ticket.status)}${ticket.closedAt ? `（${exportTime(ticket.closedAt)} 结束）` : ""}`,
      ...(ticket.window ? [`  希望回电的时间：${exportTime(ticket.window.start)} 至 ${exportTime(ticket.window.end)}`] : []),
      ...(ticket.phone ? [`  留下的电话：${ticket.phone}`] : []),
      ...(ticket.topic ? [`  想聊的事：${ticket.topic}`] : []),
      ...(ticket.attempts > 0 ? [`  老师已尝试回电 ${ticket.attempts} 次`] : []),
    ]);
  },
});
