import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { currentConsentVersions, needsGuardianConsent, type AgeBand, type GiveConsentBody } from "@xinyuan/shared";
import { appUsers, consents } from "../db/schema/index";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, AuthenticationError } from "../http/errors";
import { sealed } from "../crypto/sealedColumns";
import { readSetting } from "../settings/platformSettings";

/**
 * Records a consent at the current version of its text, timestamped by the server. Giving the same
 * consent again changes nothing (the same guardian confirming twice included); a different guardian
 * confirming adds a row. Guardian consent is only taken for an under-14 age band. The guardian's name is
 * encrypted at rest. The user row is locked so two taps at once cannot record two rows.
 */
export async function consentRecorder(props: { services: Services; userId: string; consent: GiveConsentBody; origin: AuditOrigin }): Promise<{ created: boolean }> {
  const { services, userId, consent, origin } = props;
  const { db, cipher, clock } = services;
  if (consent.version !== currentConsentVersions[consent.kind]) throw new AppError(409, "CONSENT_VERSION_OUTDATED");

  return db.transaction(async (tx) => {
    const [user] = await tx.select({ ageBand: appUsers.ageBand }).from(appUsers).where(and(eq(appUsers.id, userId), isNull(appUsers.deletedAt))).for("update");
    if (!user) throw AuthenticationError();
    if (consent.kind === "guardian") {
      if (!user.ageBand) throw new AppError(409, "AGE_BAND_REQUIRED");
      if (!needsGuardianConsent(user.ageBand as AgeBand)) throw new AppError(409, "GUARDIAN_CONSENT_NOT_NEEDED");
      if (!(await readSetting(tx, "allowTypedGuardianConsent"))) throw new AppError(409, "TYPED_GUARDIAN_CONSENT_OFF");
    }
    const given = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.userId, userId), eq(consents.kind, consent.kind), eq(consents.version, consent.version), isNull(consents.withdrawnAt)));
    const same = given.find((row) => {
      if (consent.kind !== "guardian") return true;
      return row.guardianRelation === consent.guardianRelation && row.guardianNameEnc !== null && cipher.decrypt(row.guardianNameEnc, sealed.consentGuardianName.at(row)) === consent.guardianName;
    });
    if (same) return { created: false };

    const id = randomUUID();
    await tx.insert(consents).values({
      id,
      userId,
      kind: consent.kind,
      version: consent.version,
      givenAt: clock.now(),
      guardianRelation: consent.kind === "guardian" ? consent.guardianRelation : null,
      guardianNameEnc: consent.kind === "guardian" ? cipher.encrypt(consent.guardianName, sealed.consentGuardianName.at({ id })) : null,
      method: consent.kind === "guardian" ? "typed" : null,
    });
    const method = consent.kind === "guardian" ? { method: "typed" } : {};
    await recordAudit(tx, origin, { action: "user.consent.give", targetType: "app_user", targetId: userId, detail: { kind: consent.kind, version: consent.version, ...method } });
    return { created: true };
  });
}
