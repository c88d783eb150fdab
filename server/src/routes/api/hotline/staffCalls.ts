import { eq } from "drizzle-orm";
import { apiRoutes, type ContactRecordView, type HotlineBoardView, type HotlineCallView, type HotlineQueueEntryView, type HotlineQueueView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { AppError, ForbiddenError, NotFoundError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canReadHotlineCalls, canSuperviseHotline, canWorkHotline } from "../../../hotline/hotlinePolicy";
import { hotlineTickets } from "../../../db/schema";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { loadCallView, loadQueueView, queueEntryOf } from "../../../hotline/hotlineStaffViews";
import { nextCallerClaimer, ticketNumberClaimer } from "../../../hotline/nextCallerClaimer";
import { callerReleaser } from "../../../hotline/callerReleaser";
import { callTransferer } from "../../../hotline/callTransferer";
import { callbackAttemptRecorder } from "../../../hotline/callbackAttemptRecorder";
import { callOutcomeRecorder } from "../../../hotline/callOutcomeRecorder";
import { ticketPrioritizer } from "../../../hotline/ticketPrioritizer";
import { loadHotlineBoard } from "../../../hotline/hotlineBoard";
import { contactHistoryOfUser } from "../../../contacts/contactHistory";
import { contactRecorder } from "../../../contacts/contactRecorder";
import { sealed } from "../../../crypto/sealedColumns";

/** Hotline counsellors only (county scope); area/school staff are refused, see hotline/hotlinePolicy.ts. */
function hotlineWorker(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  authorize(canWorkHotline(actor));
  return actor as StaffActor;
}

/** A call the actor may read: its claimant, or a supervisor. Anyone else gets 404 (no existence leak). */
async function readableCall(ctx: AppContext, ticketId: string) {
  const actor = ctx.state.actor;
  if (!canWorkHotline(actor) && !canReadHotlineCalls(actor)) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
  const [row] = await ctx.services.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticketId)).limit(1);
  if (!row) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
  const isClaimant = row.claimedBy === actor.id && row.status === "claimed";
  if (!isClaimant && !canReadHotlineCalls(actor)) throw new AppError(403, "HOTLINE_NOT_CLAIMANT");
  return { row, actor, isClaimant };
}

/** Counsellors work the queue; the claimant alone sees the number; supervisors watch the board. */
export function mountStaffCallRoutes(router: AppRouter): void {
  const entry = (ctx: AppContext, row: Parameters<typeof queueEntryOf>[1]): Promise<HotlineQueueEntryView> => queueEntryOf(ctx.services.db, row, ctx.services.clock.now());
  const callView = (ctx: AppContext, row: Parameters<typeof queueEntryOf>[1], forClaimant = true): Promise<HotlineCallView> => loadCallView(ctx.services, row, ctx.services.clock.now(), forClaimant);

  mountRoute(router, apiRoutes.hotlineQueue, async (ctx): Promise<HotlineQueueView> => {
    if (!canWorkHotline(ctx.state.actor) && !canSuperviseHotline(ctx.state.actor)) throw ForbiddenError();
    return loadQueueView(ctx.services.db, ctx.services.clock.now());
  });

  mountRoute(router, apiRoutes.claimNextCaller, async (ctx): Promise<HotlineCallView> => {
    const actor = hotlineWorker(ctx);
    return callView(ctx, await nextCallerClaimer({ services: ctx.services, staffId: actor.id, origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.claimCallerByNumber, async (ctx, { body }): Promise<HotlineCallView> => {
    const actor = hotlineWorker(ctx);
    return callView(ctx, await ticketNumberClaimer({ services: ctx.services, staffId: actor.id, number: body.number, origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.myHotlineCall, async (ctx): Promise<{ call: HotlineCallView | null }> => {
    const actor = hotlineWorker(ctx);
    const rows = await ctx.services.db.select().from(hotlineTickets).where(eq(hotlineTickets.claimedBy, actor.id));
    const row = rows.find((candidate) => candidate.status === "claimed");
    return { call: row ? await callView(ctx, row) : null };
  });

  mountRoute(router, apiRoutes.getHotlineCall, async (ctx, { params }): Promise<HotlineCallView> => {
    const { row, isClaimant } = await readableCall(ctx, idOf(params));
    return callView(ctx, row, isClaimant);
  });

  mountRoute(router, apiRoutes.revealCallerPhone, async (ctx, { params }): Promise<{ phone: string }> => {
    const ticketId = idOf(params);
    const { row, isClaimant } = await readableCall(ctx, ticketId);
    if (!isClaimant) throw new AppError(403, "HOTLINE_NOT_CLAIMANT");
    if (!row.phoneEnc) throw new AppError(400, "HOTLINE_NOT_CALLBACK");
    const phone = ctx.services.cipher.decrypt(row.phoneEnc, sealed.hotlinePhone.at(row));
    await recordAudit(ctx.services.db, originOf(ctx), { action: "callback.phone.reveal", targetType: "hotline_ticket", targetId: ticketId, detail: { number: row.number } });
    await ctx.services.db.update(hotlineTickets).set({ claimantSeenAt: ctx.services.clock.now() }).where(eq(hotlineTickets.id, ticketId));
    return { phone };
  });

  mountRoute(router, apiRoutes.hotlineCallHistory, async (ctx, { params }): Promise<ContactRecordView[]> => {
    const ticketId = idOf(params);
    const { row } = await readableCall(ctx, ticketId);
    if (!row.userId) return [];
    const history = await contactHistoryOfUser(ctx.services.db, ctx.services.cipher, row.userId);
    await recordAudit(ctx.services.db, originOf(ctx), { action: "contact.history.read", targetType: "hotline_ticket", targetId: ticketId, detail: { records: history.length } });
    return history;
  });

  mountRoute(router, apiRoutes.releaseHotlineCall, async (ctx, { params }): Promise<HotlineQueueEntryView> => {
    const actor = hotlineWorker(ctx);
    return entry(ctx, await callerReleaser({ services: ctx.services, staffId: actor.id, ticketId: idOf(params), origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.transferHotlineCall, async (ctx, { params, body }): Promise<HotlineQueueEntryView> => {
    const actor = hotlineWorker(ctx);
    return entry(ctx, await callTransferer({ services: ctx.services, staffId: actor.id, ticketId: idOf(params), toStaffId: body.toStaffId, origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.recordCallAttempt, async (ctx, { params, body }): Promise<HotlineQueueEntryView> => {
    const actor = hotlineWorker(ctx);
    return entry(ctx, await callbackAttemptRecorder({ services: ctx.services, staffId: actor.id, ticketId: idOf(params), body, origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.recordCallOutcome, async (ctx, { params, body }): Promise<{ ticket: HotlineQueueEntryView; contactRecordId: string }> => {
    const actor = hotlineWorker(ctx);
    const result = await callOutcomeRecorder({ services: ctx.services, staffId: actor.id, ticketId: idOf(params), body, origin: originOf(ctx) });
    return { ticket: await entry(ctx, result.row), contactRecordId: result.contactRecordId };
  });

  mountRoute(router, apiRoutes.flagHotlineTicket, async (ctx, { params, body }): Promise<HotlineQueueEntryView> => {
    hotlineWorker(ctx);
    return entry(ctx, await ticketPrioritizer({ services: ctx.services, ticketId: idOf(params), priority: body.priority, origin: originOf(ctx) }));
  });

  mountRoute(router, apiRoutes.logInboundCall, async (ctx, { body }): Promise<{ contactRecordId: string }> => {
    const actor = hotlineWorker(ctx);
    const { services } = ctx;
    const { id } = await services.db.transaction((tx) =>
      contactRecorder({ tx, cipher: services.cipher, origin: originOf(ctx), channel: "hotline", staffId: actor.id, userId: null, body, now: services.clock.now() }),
    );
    ctx.status = 201;
    return { contactRecordId: id };
  });

  mountRoute(router, apiRoutes.hotlineBoard, async (ctx): Promise<HotlineBoardView> => {
    authorize(canSuperviseHotline(ctx.state.actor));
    return loadHotlineBoard(ctx.services);
  });
}
