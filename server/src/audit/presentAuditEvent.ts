import type { AuditEventView } from "@xinyuan/shared";
import type { auditEvents } from "../db/schema/index";

export interface AuditEventRecord {
  event: typeof auditEvents.$inferSelect;
  /** A staff member's display name, or a mini-program user's alias (never their identity). */
  actorName: string | null;
  /** A student's alias, a staff member's or school's name, a call's number: never an identity. */
  targetName: string | null;
}

/**
 * A student's or parent's network address would undo their alias (a school's or a home's IP), so staff
 * reading the audit log see only its network part; staff addresses are shown whole.
 */
export function maskUserIp(ip: string | null): string | null {
  if (!ip) return ip;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.*.*`;
  const groups = ip.split(":").filter((group) => group !== "");
  return groups.length > 0 ? `${groups.slice(0, 3).join(":")}:*` : "*";
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
    targetName: record.targetName,
    ip: event.actorType === "user" ? maskUserIp(event.ip) : event.ip,
    requestId: event.requestId,
    detail: event.detail,
  };
}
