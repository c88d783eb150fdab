import type { CannedReplyBody, UpdateCannedReplyBody } from "@xinyuan/shared";
import { eq } from "drizzle-orm";
import { chatCannedReplies } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../http/errors";
import { cannedReplyAccess, managesCountyReplies } from "./chatPolicy";
import { lockLiveCannedReply, type CannedReplyRow } from "./cannedReplyViews";

const scopeOf = (row: CannedReplyRow) => (row.ownerStaffId === null ? "county" : "mine");

/** The reply, locked, if the actor may edit it: another's own reply is 404, a county one they do not manage 403. */
async function editableReply(tx: DbOrTx, actor: StaffActor, replyId: string): Promise<CannedReplyRow> {
  const row = await lockLiveCannedReply(tx, replyId);
  const access = row ? cannedReplyAccess(actor, row) : null;
  if (!row || !access) throw NotFoundError("CANNED_REPLY_NOT_FOUND");
  if (access !== "edit") throw ForbiddenError();
  return row;
}

/** Adds a reply, the staff member's own or (for those who manage them) county-wide. Audited. */
export async function cannedReplyCreator(props: { services: Services; actor: StaffActor; input: CannedReplyBody; origin: AuditOrigin }): Promise<CannedReplyRow> {
  const { services, actor, input, origin } = props;
  if (input.countyWide && !managesCountyReplies(actor)) throw ForbiddenError();
  const now = services.clock.now();
  return services.db.transaction(async (tx) => {
    const [row] = await tx.insert(chatCannedReplies).values({ ownerStaffId: input.countyWide ? null : actor.id, title: input.title, body: input.body, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, origin, { action: "chat.reply.create", targetType: "canned_reply", targetId: row!.id, detail: { scope: scopeOf(row!) } });
    return row!;
  });
}

/** Changes the title or text of a reply the actor may edit. Audited. */
export async function cannedReplyUpdater(props: { services: Services; actor: StaffActor; replyId: string; input: UpdateCannedReplyBody; origin: AuditOrigin }): Promise<CannedReplyRow> {
  const { services, actor, replyId, input, origin } = props;
  return services.db.transaction(async (tx) => {
    const existing = await editableReply(tx, actor, replyId);
    const [row] = await tx
      .update(chatCannedReplies)
      .set({ ...(input.title === undefined ? {} : { title: input.title }), ...(input.body === undefined ? {} : { body: input.body }), updatedAt: services.clock.now() })
      .where(eq(chatCannedReplies.id, existing.id))
      .returning();
    await recordAudit(tx, origin, { action: "chat.reply.update", targetType: "canned_reply", targetId: existing.id, detail: { scope: scopeOf(existing) } });
    return row!;
  });
}

/** Removes (soft-deletes) a reply the actor may edit. Audited. */
export async function cannedReplyDeleter(props: { services: Services; actor: StaffActor; replyId: string; origin: AuditOrigin }): Promise<void> {
  const { services, actor, replyId, origin } = props;
  await services.db.transaction(async (tx) => {
    const existing = await editableReply(tx, actor, replyId);
    await tx.update(chatCannedReplies).set({ deletedAt: services.clock.now() }).where(eq(chatCannedReplies.id, existing.id));
    await recordAudit(tx, origin, { action: "chat.reply.delete", targetType: "canned_reply", targetId: existing.id, detail: { scope: scopeOf(existing) } });
  });
}
