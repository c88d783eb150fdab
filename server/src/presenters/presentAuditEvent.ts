import type { AuditEventView } from "@xinyuan/shared";
import type { auditEvents } from "../db/schema";

export interface AuditEventRecord {
  event: typeof auditEvents.$inferSelect;
  /** A staff member's display name, or a mini-program user's alias (never their identity). */
  actorName: string | null;
}

export function presentAuditEvent(record: AuditEventRecord): AuditEventView {
  const { event } = record;
  return {
    id: String(event.id),
    at: event.at.toISOString(),
    actorType: event.actorType === "staff" || event.actorType === "user" ? event.actorType : "system",
    actorId: event.actorId,
    actorName: record.actorName,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: event.ip,
    requestId: event.requestId,
    detail: event.detail,
  };
}
