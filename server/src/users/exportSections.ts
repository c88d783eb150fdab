import { chatExportSection } from "../chat/chatUserData";
import { hotlineExportSection } from "../hotline/hotlineUserData";
import { publishingExportSection } from "../publishing/publishingUserData";
import { and, asc, eq } from "drizzle-orm";
import { auditEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";

export interface ExportSectionProps {
  db: DbOrTx;
  services: Services;
  userId: string;
}

/** One named part of a user's data export, e.g. "chats" or "letters", collected for that user alone. */
export interface ExportSection {
  key: string;
  collect(props: ExportSectionProps): Promise<unknown>;
}

/** What was done with the user's account and by whom (staff or the user); staff identities are not given. */
const auditTrailSection: ExportSection = {
  key: "auditTrail",
  async collect({ db, userId }) {
    const rows = await db
      .select({ at: auditEvents.at, action: auditEvents.action, actorType: auditEvents.actorType })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "app_user"), eq(auditEvents.targetId, userId)))
      .orderBy(asc(auditEvents.id));
    return rows.map((row) => ({ at: row.at.toISOString(), action: row.action, by: row.actorType }));
  },
};

/**
 * The sections of GET /me/export. A feature that keeps personal data (chats, letters, call-backs,
 * bookings) appends one section here from its module, so the export never silently misses it.
 */
export const exportSections: ExportSection[] = [auditTrailSection];
exportSections.push(hotlineExportSection);
exportSections.push(chatExportSection);
exportSections.push(publishingExportSection);
