import { and, asc, eq } from "drizzle-orm";
import { auditEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { auditActionLabels } from "@xinyuan/shared";
import { exportTime, labelOf } from "./exportText";

export interface ExportSectionProps {
  db: DbOrTx;
  services: Services;
  userId: string;
}

/**
 * One named part of a user's data export, e.g. "chats" or "letters", collected for that user alone, and
 * rendered for the readable Chinese export: a Chinese heading and lines with county times, no ids, no
 * English keys. A section without a renderer does not typecheck (and exportReadable.test.ts checks every
 * registered one).
 */
export interface ExportSection<T = unknown> {
  key: string;
  /** The Chinese heading of this section in the readable export, e.g. 聊天记录. */
  title: string;
  collect(props: ExportSectionProps): Promise<T>;
  /** The section's lines in the readable export; an empty list shows （没有记录）. */
  render(data: T): string[];
}

/** Declares a section so that `render` is typed by what `collect` returns. */
export function exportSection<T>(section: ExportSection<T>): ExportSection<T> {
  return section;
}

const actorLabels: Record<string, string> = { user: "我", staff: "工作人员", system: "系统" };

/** What was done with the user's account and by whom (staff or the user); staff identities are not given. */
const auditTrailSection = exportSection({
  key: "auditTrail",
  title: "账号操作记录（审计记录）",
  async collect({ db, userId }) {
    const rows = await db
      .select({ at: auditEvents.at, action: auditEvents.action, actorType: auditEvents.actorType })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "app_user"), eq(auditEvents.targetId, userId)))
      .orderBy(asc(auditEvents.id));
    return rows.map((row) => ({ at: row.at.toISOString(), action: row.action, by: row.actorType }));
  },
  render(rows) {
    return rows.map((row) => `${exportTime(row.at)}  ${labelOf(actorLabels, row.by)}：${auditActionLabels[row.action] ?? "其他操作"}`);
  },
});

/**
 * The sections of GET /me/export: each feature's sections (`exportSectionsOf(registry)`), then the audit
 * trail. A feature that keeps personal data (chats, letters, call-backs, bookings) lists its section in its
 * `<feature>Feature`, so the export never silently misses it.
 */
export function withAuditTrail(featureSections: readonly ExportSection[]): ExportSection[] {
  return [...featureSections, auditTrailSection];
}
