import { and, asc, eq, isNull, or } from "drizzle-orm";
import { apiRoutes, type CannedReplyView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError, NotFoundError } from "../../../http/errors";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { hasRole } from "../../../auth/actor";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { chatCannedReplies } from "../../../db/schema";
import { isCounsellingStaff } from "../../../chat/chatPolicy";

type ReplyRow = typeof chatCannedReplies.$inferSelect;

/** County-wide replies are the centre's voice: centre admins and supervisors manage them. */
const managesCountyReplies = (actor: StaffActor) => hasRole(actor, "centre_admin", "supervisor");

function staffOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (!isCounsellingStaff(actor) && !hasRole(actor, "centre_admin")) throw ForbiddenError();
  return actor as StaffActor;
}

function present(row: ReplyRow, actor: StaffActor): CannedReplyView {
  const county = row.ownerStaffId === null;
  return { id: row.id, title: row.title, body: row.body, scope: county ? "county" : "mine", editable: county ? managesCountyReplies(actor) : row.ownerStaffId === actor.id, updatedAt: row.updatedAt.toISOString() };
}

async function editableReply(ctx: AppContext, actor: StaffActor, id: string): Promise<ReplyRow> {
  const [row] = await ctx.services.db.select().from(chatCannedReplies).where(and(eq(chatCannedReplies.id, id), isNull(chatCannedReplies.deletedAt))).limit(1);
  if (!row || (row.ownerStaffId !== null && row.ownerStaffId !== actor.id)) throw NotFoundError("CANNED_REPLY_NOT_FOUND");
  if (row.ownerStaffId === null && !managesCountyReplies(actor)) throw ForbiddenError();
  return row;
}

/** 常用语: each counsellor's own, plus the county-wide set. */
export function mountCannedReplyRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listCannedReplies, async (ctx): Promise<CannedReplyView[]> => {
    const actor = staffOf(ctx);
    const rows = await ctx.services.db
      .select()
      .from(chatCannedReplies)
      .where(and(isNull(chatCannedReplies.deletedAt), or(isNull(chatCannedReplies.ownerStaffId), eq(chatCannedReplies.ownerStaffId, actor.id))))
      .orderBy(asc(chatCannedReplies.createdAt));
    return rows.map((row) => present(row, actor));
  });

  mountRoute(router, apiRoutes.createCannedReply, async (ctx, { body }): Promise<CannedReplyView> => {
    const actor = staffOf(ctx);
    if (body.countyWide && !managesCountyReplies(actor)) throw ForbiddenError();
    const now = ctx.services.clock.now();
    const [row] = await ctx.services.db.transaction(async (tx) => {
      const inserted = await tx.insert(chatCannedReplies).values({ ownerStaffId: body.countyWide ? null : actor.id, title: body.title, body: body.body, createdAt: now, updatedAt: now }).returning();
      if (body.countyWide) await recordAudit(tx, originOf(ctx), { action: "chat.reply.create", targetType: "canned_reply", targetId: inserted[0]!.id });
      return inserted;
    });
    ctx.status = 201;
    return present(row!, actor);
  });

  mountRoute(router, apiRoutes.updateCannedReply, async (ctx, { params, body }): Promise<CannedReplyView> => {
    const actor = staffOf(ctx);
    const existing = await editableReply(ctx, actor, params.id!);
    const [row] = await ctx.services.db
      .update(chatCannedReplies)
      .set({ ...(body.title === undefined ? {} : { title: body.title }), ...(body.body === undefined ? {} : { body: body.body }), updatedAt: ctx.services.clock.now() })
      .where(eq(chatCannedReplies.id, existing.id))
      .returning();
    return present(row!, actor);
  });

  mountRoute(router, apiRoutes.deleteCannedReply, async (ctx, { params }): Promise<undefined> => {
    const actor = staffOf(ctx);
    const existing = await editableReply(ctx, actor, params.id!);
    await ctx.services.db.update(chatCannedReplies).set({ deletedAt: ctx.services.clock.now() }).where(eq(chatCannedReplies.id, existing.id));
    ctx.status = 204;
    return undefined;
  });
}
