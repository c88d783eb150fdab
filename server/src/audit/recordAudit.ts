import { auditEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Actor } from "../auth/actor";
import type { AppContext } from "../http/context";

/** Who did it and from where; taken from the request, or "system" for background jobs. */
export interface AuditOrigin {
  actorType: "staff" | "user" | "system";
  actorId: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** Dotted verb: "staff.login", "staff.create", "callback.phone.reveal", "chat.read". */
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
}

export function originOf(ctx: AppContext, actor: Actor | undefined = ctx.state.actor): AuditOrigin {
  return { actorType: actor?.type ?? "system", actorId: actor?.id ?? null, ip: ctx.ip || null, requestId: ctx.state.requestId };
}

export const systemOrigin: AuditOrigin = { actorType: "system", actorId: null, ip: null, requestId: null };

/** The row one audit entry becomes. */
function auditRow(origin: AuditOrigin, entry: AuditEntry) {
  return {
    actorType: origin.actorType,
    actorId: origin.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: origin.ip,
    requestId: origin.requestId,
    detail: entry.detail ?? null,
  };
}

/** Appends one audit row, inside the caller's transaction when given one. Never rewrites history. */
export async function recordAudit(db: DbOrTx, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(auditRow(origin, entry));
}

/**
 * Appends several rows in one INSERT (in the given order), inside the caller's transaction when given one.
 * Each insert takes the audit chain head until commit, so hot paths write their audit last, in one go.
 */
export async function recordAudits(db: DbOrTx, rows: Array<{ origin: AuditOrigin; entry: AuditEntry }>): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(auditEvents).values(rows.map(({ origin, entry }) => auditRow(origin, entry)));
}
