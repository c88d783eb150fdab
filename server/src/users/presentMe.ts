import type { AgeBand, MeView, UserRole } from "@xinyuan/shared";
import type { appUsers } from "../db/schema/index";
import { counsellingConsentStatus } from "./counsellingConsent";
import { presentConsent, type ConsentRow } from "./presentConsent";

export type AppUserRow = typeof appUsers.$inferSelect;

/**
 * The user as they see themselves: alias, profile and the latest live consent of each kind. Never the
 * openid hash. `consentRows` may hold history; only the newest non-withdrawn row per kind is shown.
 */
export function presentMe(user: AppUserRow, school: { id: string; name: string } | null, consentRows: readonly ConsentRow[]): MeView {
  const live = consentRows.filter((row) => !row.withdrawnAt);
  const latestByKind = new Map<string, ConsentRow>();
  for (const row of live) {
    const seen = latestByKind.get(row.kind);
    if (!seen || seen.givenAt <= row.givenAt) latestByKind.set(row.kind, row);
  }
  const ageBand = user.ageBand as AgeBand | null;
  const status = counsellingConsentStatus(ageBand, live);
  return {
    id: user.id,
    alias: user.alias,
    role: user.role as UserRole | null,
    ageBand,
    school,
    consents: [...latestByKind.values()].map(presentConsent),
    canUseCounselling: status.canUseCounselling,
    missingConsents: status.missingConsents,
    createdAt: user.createdAt.toISOString(),
  };
}
