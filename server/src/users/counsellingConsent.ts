import { and, eq, inArray, isNull } from "drizzle-orm";
import { currentConsentVersions, needsGuardianConsent, type AgeBand, type ConsentKind } from "@xinyuan/shared";
import { appUsers, consents } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { UserActor } from "../auth/actor";
import { AuthenticationError, ForbiddenError } from "../http/errors";
import type { AppContext } from "../http/context";
import { userActorOf } from "../auth/userActorOf";

export interface CounsellingConsentStatus {
  canUseCounselling: boolean;
  /** Consents still to give at their current version; guardian only once the age band says under 14. */
  missingConsents: ConsentKind[];
  ageBand: AgeBand | null;
}

type GivenConsent = { kind: string; version: string; withdrawnAt: Date | null };

/** Pure rule: privacy + sensitive at their current versions, an age band, and a guardian for under-14s. */
export function counsellingConsentStatus(ageBand: AgeBand | null, given: readonly GivenConsent[]): CounsellingConsentStatus {
  const isCurrent = (kind: ConsentKind) => given.some((row) => row.kind === kind && row.version === currentConsentVersions[kind] && !row.withdrawnAt);
  const needed: ConsentKind[] = ["privacy", "sensitive"];
  if (ageBand && needsGuardianConsent(ageBand)) needed.push("guardian");
  const missingConsents = needed.filter((kind) => !isCurrent(kind));
  return { canUseCounselling: ageBand !== null && missingConsents.length === 0, missingConsents, ageBand };
}

/** Reads the user's status from the database (not from a possibly stale actor, e.g. a long-lived socket). */
export async function loadCounsellingConsentStatus(db: DbOrTx, userId: string): Promise<CounsellingConsentStatus | undefined> {
  const [user] = await db.select({ ageBand: appUsers.ageBand }).from(appUsers).where(and(eq(appUsers.id, userId), isNull(appUsers.deletedAt))).limit(1);
  if (!user) return undefined;
  const given = await db
    .select({ kind: consents.kind, version: consents.version, withdrawnAt: consents.withdrawnAt })
    .from(consents)
    .where(and(eq(consents.userId, userId), isNull(consents.withdrawnAt)));
  return counsellingConsentStatus(user.ageBand as AgeBand | null, given);
}

/** The refusal for a status (in the order the mini-program asks), or null when the user may go on. */
export function counsellingConsentRefusal(status: CounsellingConsentStatus | undefined): Error | null {
  if (!status) return AuthenticationError();
  if (status.canUseCounselling) return null;
  if (status.missingConsents.includes("privacy") || status.missingConsents.includes("sensitive")) return ForbiddenError("CONSENT_REQUIRED");
  if (!status.ageBand) return ForbiddenError("AGE_BAND_REQUIRED");
  return ForbiddenError("GUARDIAN_CONSENT_REQUIRED");
}

/** loadCounsellingConsentStatus for several users in two queries (absent: no such user). */
export async function loadCounsellingConsentStatuses(db: DbOrTx, userIds: string[]): Promise<Map<string, CounsellingConsentStatus>> {
  const statuses = new Map<string, CounsellingConsentStatus>();
  if (userIds.length === 0) return statuses;
  const users = await db.select({ id: appUsers.id, ageBand: appUsers.ageBand }).from(appUsers).where(and(inArray(appUsers.id, userIds), isNull(appUsers.deletedAt)));
  const given = await db
    .select({ userId: consents.userId, kind: consents.kind, version: consents.version, withdrawnAt: consents.withdrawnAt })
    .from(consents)
    .where(and(inArray(consents.userId, userIds), isNull(consents.withdrawnAt)));
  for (const user of users) statuses.set(user.id, counsellingConsentStatus(user.ageBand as AgeBand | null, given.filter((row) => row.userId === user.id)));
  return statuses;
}

/**
 * The server-side gate every counselling feature (hotline queue, call-back, chat, mailbox, booking) calls
 * before acting for a user. Throws 403 CONSENT_REQUIRED, AGE_BAND_REQUIRED or GUARDIAN_CONSENT_REQUIRED,
 * in the order the mini-program asks for them. Call it inside the feature's transaction when there is one.
 */
export async function requireCounsellingConsent(db: DbOrTx, userActor: UserActor): Promise<void> {
  const refusal = counsellingConsentRefusal(await loadCounsellingConsentStatus(db, userActor.id));
  if (refusal) throw refusal;
}

/**
 * For handlers of counselling routes: the signed-in user, once the gate lets them through.
 * `const user = await counsellingUserOf(ctx, tx)` at the top of a hotline, chat, mailbox or booking handler.
 */
export async function counsellingUserOf(ctx: AppContext, db: DbOrTx = ctx.services.db): Promise<UserActor> {
  const user = userActorOf(ctx);
  await requireCounsellingConsent(db, user);
  return user;
}
