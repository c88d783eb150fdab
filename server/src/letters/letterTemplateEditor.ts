import { and, eq, isNull } from "drizzle-orm";
import type { LetterTemplateBody, LetterTemplateView, UpdateLetterTemplateBody } from "@xinyuan/shared";
import { letterReplyTemplates } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../http/errors";
import { canEditLetterTemplate } from "./lettersPolicy";

type LetterTemplateRow = typeof letterReplyTemplates.$inferSelect;

export const presentLetterTemplate = (row: LetterTemplateRow): LetterTemplateView => ({ id: row.id, title: row.title, body: row.body, shared: row.ownerStaffId === null });

interface TemplateProps {
  services: Services;
  actor: StaffActor;
  origin: AuditOrigin;
}

/** Every change is audited with its scope (own or county-wide), never the text. */
const auditDetail = (row: LetterTemplateRow) => ({ shared: row.ownerStaffId === null });

/** A template the actor may see (their own or county-wide), locked for the change; someone else's own template is "not found". */
async function editableTemplate(props: TemplateProps, tx: DbOrTx, id: string): Promise<LetterTemplateRow> {
  const [row] = await tx.select().from(letterReplyTemplates).where(and(eq(letterReplyTemplates.id, id), isNull(letterReplyTemplates.deletedAt))).for("update");
  if (!row || (row.ownerStaffId !== null && row.ownerStaffId !== props.actor.id)) throw NotFoundError("LETTER_TEMPLATE_NOT_FOUND");
  if (!canEditLetterTemplate(props.actor, row)) throw ForbiddenError();
  return row;
}

export async function letterTemplateCreator(props: TemplateProps & { body: LetterTemplateBody }): Promise<LetterTemplateView> {
  const { services, actor, origin, body } = props;
  if (body.shared && !hasRole(actor, "supervisor", "centre_admin")) throw ForbiddenError();
  return services.db.transaction(async (tx) => {
    const [row] = await tx.insert(letterReplyTemplates).values({ ownerStaffId: body.shared ? null : actor.id, title: body.title, body: body.body, createdAt: services.clock.now() }).returning();
    await recordAudit(tx, origin, { action: "letter_template.create", targetType: "letter_reply_template", targetId: row!.id, detail: auditDetail(row!) });
    return presentLetterTemplate(row!);
  });
}

export async function letterTemplateUpdater(props: TemplateProps & { id: string; body: UpdateLetterTemplateBody }): Promise<LetterTemplateView> {
  const { services, origin, id, body } = props;
  return services.db.transaction(async (tx) => {
    const row = await editableTemplate(props, tx, id);
    const [updated] = await tx.update(letterReplyTemplates).set({ title: body.title, body: body.body }).where(eq(letterReplyTemplates.id, row.id)).returning();
    await recordAudit(tx, origin, { action: "letter_template.update", targetType: "letter_reply_template", targetId: row.id, detail: auditDetail(row) });
    return presentLetterTemplate(updated!);
  });
}

export async function letterTemplateDeleter(props: TemplateProps & { id: string }): Promise<void> {
  const { services, origin, id } = props;
  await services.db.transaction(async (tx) => {
    const row = await editableTemplate(props, tx, id);
    await tx.update(letterReplyTemplates).set({ deletedAt: services.clock.now() }).where(eq(letterReplyTemplates.id, row.id));
    await recordAudit(tx, origin, { action: "letter_template.delete", targetType: "letter_reply_template", targetId: row.id, detail: auditDetail(row) });
  });
}
