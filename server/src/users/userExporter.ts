import { asc, eq } from "drizzle-orm";
import type { UserExportView } from "@xinyuan/shared";
import { consents } from "../db/schema/index";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AuthenticationError } from "../http/errors";
import { presentConsent } from "./presentConsent";
import { loadMeView } from "./loadMeView";
import { withAuditTrail, type ExportSection } from "./exportSections";
import { renderReadableExport } from "./renderReadableExport";
import { sealed } from "../crypto/sealedColumns";
import { guardianInvitationExportSection } from "./guardianInvitations";

/**
 * Everything XinYuan keeps about the user, for them alone (PIPL right of access and portability): profile,
 * every consent with the guardian's name, and each feature's registered section, as JSON and beside it as
 * readable Chinese text (`readable`, see renderReadableExport). Audited.
 */
export async function userExporter(props: { services: Services; sections: readonly ExportSection[]; userId: string; origin: AuditOrigin }): Promise<UserExportView> {
  const { services, userId, origin } = props;
  const { db, cipher, clock } = services;
  return db.transaction(async (tx) => {
    const me = await loadMeView(tx, userId);
    if (!me) throw AuthenticationError();
    const rows = await tx.select().from(consents).where(eq(consents.userId, userId)).orderBy(asc(consents.givenAt), asc(consents.id));
    const sections: Record<string, unknown> = {};
    const collected: Array<{ section: ExportSection; data: unknown }> = [];
    for (const section of withAuditTrail([guardianInvitationExportSection as ExportSection, ...props.sections])) {
      if (section.key in sections) throw new Error(`export section ${section.key} registered twice`);
      const data = await section.collect({ db: tx, services, userId });
      sections[section.key] = data;
      collected.push({ section, data });
    }
    await recordAudit(tx, origin, { action: "user.export", targetType: "app_user", targetId: userId, detail: { sections: Object.keys(sections) } });
    const exportedAt = clock.now().toISOString();
    const consentViews = rows.map((row) => ({ ...presentConsent(row), ...(row.guardianNameEnc ? { guardianName: cipher.decrypt(row.guardianNameEnc, sealed.consentGuardianName.at(row)) } : {}) }));
    return {
      exportedAt,
      me,
      consents: consentViews,
      sections,
      readable: renderReadableExport({ exportedAt, me, consents: consentViews, sections: collected }),
    };
  });
}
