import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { JoinHotlineBody } from "@xinyuan/shared";
import { appUsers, hotlineTickets, schools } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError } from "../http/errors";
import { isUniqueViolation } from "../db/uniqueViolation";
import { requireCounsellingConsent } from "../users/counsellingConsent";
import { hotlineOpenState } from "./hotlineSchedule";
import type { HotlineTicketRow } from "./presentHotlineTicket";
import { announceQueueChange } from "./hotlineBroadcast";
import { checkCallbackWindow } from "./callbackWindowRules";
import { verifiedOpenid } from "../wechat/verifiedOpenid";
import { raiseClosedLineUnsafeAlert, raiseHotlineAlert } from "./hotlineRiskAlert";
import { sealed } from "../crypto/sealedColumns";

/** A "feeling unsafe" caller jumps the queue. */
export const urgentPriority = 10;
/** Advisory lock key serialising the queue-capacity check of joins (any constant unique in this app). */
const queueCapacityLock = 727275;

/**
 * Puts a caller in the queue. Refuses, with a kind message and without writing anything, when consent
 * is missing, the line is closed (a call-back may still be booked for a staffed window after it reopens), the
 * queue is full (never for someone who says they are not safe), or the caller already waits. The
 * phone and topic are encrypted; an opted-in reminder address is checked against the account's keyed
 * hash and stored encrypted on this ticket only.
 */
export async function hotlineJoiner(props: { services: Services; user: UserActor; body: JoinHotlineBody; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, user, body, origin } = props;
  const { db, clock, cipher, config } = services;
  const now = clock.now();
  // first, before any WeChat call or write: read from the database, not the (possibly older) actor
  await requireCounsellingConsent(db, user);

  // a call-back may be booked while the line is closed, for a window someone is rostered in
  const window = body.kind === "callback" && body.window ? await checkCallbackWindow(db, config.hotline, now, body.window) : null;
  const windowStart = window?.start ?? null;
  const windowEnd = window?.end ?? null;
  if (!window) {
    const open = await hotlineOpenState(db, config.hotline, now);
    if (!open.open) {
      if (body.feelingUnsafe) await raiseClosedLineUnsafeAlert({ services, userId: user.id, topic: body.topic ?? null });
      throw new AppError(409, "HOTLINE_CLOSED", undefined, { nextOpenAt: open.nextOpenAt?.toISOString() ?? null, alertRaised: body.feelingUnsafe });
    }
  }

  const ticketId = randomUUID();
  const notifyOpenidEnc = body.notify ? cipher.encrypt(await verifiedOpenid(services, user.id, body.notify.code, "HOTLINE_NOTIFY_FAILED"), sealed.hotlineNotifyOpenid.at({ id: ticketId })) : null;

  try {
    const row = await db.transaction(async (tx) => {
      const [active] = await tx
        .select({ id: hotlineTickets.id })
        .from(hotlineTickets)
        .where(and(eq(hotlineTickets.userId, user.id), inArray(hotlineTickets.status, ["waiting", "claimed"])))
        .limit(1);
      if (active) throw ConflictError("HOTLINE_ALREADY_WAITING");
      if (!body.feelingUnsafe) {
        // One capacity check at a time: without it, joins at the same moment each count the queue before
        // the others insert and together overfill it. Held to the end of this short transaction.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${queueCapacityLock})`);
        const [queued] = await tx.select({ count: sql<number>`count(*)::int` }).from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
        if (Number(queued?.count ?? 0) >= config.hotline.queueCapacity) throw new AppError(409, "HOTLINE_FULL");
      }
      const [profile] = await tx
        .select({ schoolId: appUsers.schoolId, areaId: schools.areaId })
        .from(appUsers)
        .leftJoin(schools, eq(schools.id, appUsers.schoolId))
        .where(eq(appUsers.id, user.id))
        .limit(1);
      const readyAt = windowStart ?? now;
      const [inserted] = await tx
        .insert(hotlineTickets)
        .values({
          id: ticketId,
          userId: user.id,
          kind: body.kind,
          status: "waiting",
          priority: body.feelingUnsafe ? urgentPriority : 0,
          feelingUnsafe: body.feelingUnsafe,
          joinedAt: now,
          firstReadyAt: readyAt,
          readyAt,
          windowStart,
          windowEnd,
          phoneEnc: body.kind === "callback" && body.phone ? cipher.encrypt(body.phone, sealed.hotlinePhone.at({ id: ticketId })) : null,
          topicEnc: body.topic ? cipher.encrypt(body.topic, sealed.hotlineTopic.at({ id: ticketId })) : null,
          schoolId: profile?.schoolId ?? null,
          areaId: profile?.areaId ?? null,
          notifyOpenidEnc,
          notifyTemplates: notifyOpenidEnc ? [...new Set<string>(body.notify?.templates ?? [])] : [],
          updatedAt: now,
        })
        .returning();
      await raiseHotlineAlert({ tx, services, ticketId: inserted!.id, userId: user.id, topic: body.topic ?? null, feelingUnsafe: body.feelingUnsafe });
      await recordAudit(tx, origin, {
        action: "hotline.join",
        targetType: "hotline_ticket",
        targetId: inserted!.id,
        detail: { kind: body.kind, feelingUnsafe: body.feelingUnsafe, notify: notifyOpenidEnc !== null },
      });
      return inserted!;
    });
    announceQueueChange(services);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw ConflictError("HOTLINE_ALREADY_WAITING");
    throw error;
  }
}
