import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { apiRoutes, type LetterTarget, type MailboxView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { AppError, ForbiddenError, NotFoundError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { staffActorOf } from "../../../auth/staffActorOf";
import type { StaffActor } from "../../../auth/actor";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import type { DbOrTx } from "../../../db/database";
import { letters, mailboxMembers, mailboxes, schools, staff } from "../../../db/schema";
import { canEditMailbox, isLetterStaff } from "../../../letters/lettersPolicy";
import { memberMailboxIds, staffAsActor } from "../../../letters/letterQueries";
import { scopeCovers } from "../../../access/scope";

type MailboxRow = typeof mailboxes.$inferSelect;

async function schoolAreas(db: DbOrTx, rows: MailboxRow[]): Promise<Map<string, string>> {
  const ids = rows.map((row) => row.schoolId).filter((id): id is string => id !== null);
  const found = ids.length ? await db.select({ id: schools.id, areaId: schools.areaId }).from(schools).where(inArray(schools.id, ids)) : [];
  return new Map(found.map((row) => [row.id, row.areaId]));
}

/** Whether a staff member may see a box in the list: a member, or their scope covers it (county: all). */
function seesBox(actor: StaffActor, box: MailboxRow, areaOfSchool: string | null, memberOf: ReadonlySet<string>): boolean {
  if (memberOf.has(box.id)) return true;
  if (box.kind === "county") return actor.scope.level === "county";
  return scopeCovers(actor.scope, { areaId: box.areaId ?? areaOfSchool, schoolId: box.kind === "school" ? box.schoolId : null });
}

async function present(db: DbOrTx, actor: StaffActor, rows: MailboxRow[], areas: Map<string, string>): Promise<MailboxView[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const members = await db.select({ mailboxId: mailboxMembers.mailboxId, id: staff.id, name: staff.displayName }).from(mailboxMembers).innerJoin(staff, eq(staff.id, mailboxMembers.staffId)).where(inArray(mailboxMembers.mailboxId, ids)).orderBy(asc(staff.displayName));
  const counts = await db.select({ id: letters.handlingMailboxId, count: sql<number>`count(*)::int` }).from(letters).where(and(inArray(letters.handlingMailboxId, ids), ne(letters.status, "closed"))).groupBy(letters.handlingMailboxId);
  const countOf = new Map(counts.map((row) => [row.id, Number(row.count)]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as LetterTarget,
    name: row.name,
    schoolId: row.schoolId,
    areaId: row.areaId ?? (row.schoolId ? (areas.get(row.schoolId) ?? null) : null),
    autoAckText: row.autoAckText,
    outOfTermNotice: row.outOfTermNotice,
    replyWorkingDays: row.replyWorkingDays,
    active: row.active,
    members: members.filter((member) => member.mailboxId === row.id).map((member) => ({ id: member.id, displayName: member.name })),
    openLetters: countOf.get(row.id) ?? 0,
    editable: canEditMailbox(actor, row, row.schoolId ? (areas.get(row.schoolId) ?? null) : null),
  }));
}

/** Mailboxes (list for teachers and admins; settings for centre admins). */
export function mountMailboxRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listMailboxes, async (ctx): Promise<MailboxView[]> => {
    const actor = staffActorOf(ctx);
    const { db } = ctx.services;
    const rows = await db.select().from(mailboxes).orderBy(asc(mailboxes.kind), asc(mailboxes.name));
    const areas = await schoolAreas(db, rows);
    const memberOf = await memberMailboxIds(db, actor.id);
    return present(db, actor, rows.filter((row) => seesBox(actor, row, row.schoolId ? (areas.get(row.schoolId) ?? null) : null, memberOf)), areas);
  });

  mountRoute(router, apiRoutes.updateMailbox, async (ctx, { params, body }): Promise<MailboxView> => {
    const actor = staffActorOf(ctx);
    const { db } = ctx.services;
    const updated = await db.transaction(async (tx) => {
      const [box] = await tx.select().from(mailboxes).where(eq(mailboxes.id, idOf(params))).for("update");
      const areas = box ? await schoolAreas(tx, [box]) : new Map<string, string>();
      const areaOfSchool = box?.schoolId ? (areas.get(box.schoolId) ?? null) : null;
      if (!box || !seesBox(actor, box, areaOfSchool, new Set())) throw NotFoundError("MAILBOX_NOT_FOUND");
      if (!canEditMailbox(actor, box, areaOfSchool)) throw ForbiddenError();
      const now = ctx.services.clock.now();
      if (body.memberStaffIds) {
        const ids = [...new Set(body.memberStaffIds)];
        const found = ids.length ? await tx.select().from(staff).where(and(inArray(staff.id, ids), eq(staff.status, "active"))) : [];
        // a member must be a teacher whose scope reaches the box (an area teacher may serve a school's box)
        const placeOk = (member: StaffActor) => isLetterStaff(member) && (box.kind === "county" ? member.scope.level === "county" : scopeCovers(member.scope, { areaId: box.areaId ?? areaOfSchool, schoolId: box.kind === "school" ? box.schoolId : null }) || (member.scope.level === "area" && member.scope.areaId === (box.areaId ?? areaOfSchool)));
        if (found.length !== ids.length || !found.map(staffAsActor).every(placeOk)) throw new AppError(400, "MAILBOX_MEMBER_INVALID");
        await tx.delete(mailboxMembers).where(eq(mailboxMembers.mailboxId, box.id));
        if (ids.length) await tx.insert(mailboxMembers).values(ids.map((staffId) => ({ mailboxId: box.id, staffId, addedAt: now })));
      }
      const { memberStaffIds: _members, ...settings } = body;
      const [row] = await tx.update(mailboxes).set({ ...settings, updatedAt: now }).where(eq(mailboxes.id, box.id)).returning();
      await recordAudit(tx, originOf(ctx), { action: "mailbox.update", targetType: "mailbox", targetId: box.id, detail: { fields: Object.keys(body) } });
      return { row: row!, areas };
    });
    return (await present(db, actor, [updated.row], updated.areas))[0]!;
  });
}
