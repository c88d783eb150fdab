import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import {
  currentConsentVersions,
  guardianInvitationHours,
  guardianInvitationToken,
  guardianRelationLabels,
  needsGuardianConsent,
  type AgeBand,
  type GuardianInvitationForGuardianView,
  type GuardianInvitationStatus,
  type GuardianInvitationView,
  type GuardianRelation,
} from "@xinyuan/shared";
import { appUsers, consents, guardianInvitations } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, AuthenticationError, ForbiddenError, NotFoundError } from "../http/errors";
import { exportSection } from "./exportSections";
import { exportTime, labelOf } from "./exportText";
import type { AccountDeletionStep } from "./accountDeletionSteps";

type InvitationRow = typeof guardianInvitations.$inferSelect;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

function statusOf(row: InvitationRow, now: Date): GuardianInvitationStatus {
  if (row.status === "pending" && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.status as GuardianInvitationStatus;
}

function presentInvitation(row: InvitationRow, now: Date, token?: string): GuardianInvitationView {
  return {
    id: row.id,
    status: statusOf(row, now),
    expiresAt: row.expiresAt.toISOString(),
    guardianRelation: (row.guardianRelation as GuardianRelation | null) ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    ...(token ? { token } : {}),
  };
}

/** How many invitations one child may create in an hour (each cancels the one before). */
export const guardianInvitationRateLimit = { name: "guardian-invitation", limit: 10, windowSeconds: 3600 };

/**
 * The child (under 14) asks a guardian to consent in the guardian's own WeChat: a single-use token valid
 * for `guardianInvitationHours`, stored only as its SHA-256. A new invitation cancels the child's earlier
 * pending ones, so only the latest card shared can be used.
 */
export async function guardianInvitationCreator(props: { services: Services; userId: string; origin: AuditOrigin }): Promise<GuardianInvitationView> {
  const { services, userId, origin } = props;
  const now = services.clock.now();
  return services.db.transaction(async (tx) => {
    const [user] = await tx.select({ ageBand: appUsers.ageBand }).from(appUsers).where(and(eq(appUsers.id, userId), isNull(appUsers.deletedAt))).for("update");
    if (!user) throw AuthenticationError();
    if (!user.ageBand) throw new AppError(409, "AGE_BAND_REQUIRED");
    if (!needsGuardianConsent(user.ageBand as AgeBand)) throw new AppError(409, "GUARDIAN_CONSENT_NOT_NEEDED");
    await tx
      .update(guardianInvitations)
      .set({ status: "cancelled", decidedAt: now })
      .where(and(eq(guardianInvitations.childUserId, userId), eq(guardianInvitations.status, "pending")));
    const token = randomBytes(32).toString("base64url");
    const [row] = await tx
      .insert(guardianInvitations)
      .values({ id: randomUUID(), tokenHash: hashOf(token), childUserId: userId, createdAt: now, expiresAt: new Date(now.getTime() + guardianInvitationHours * 3_600_000) })
      .returning();
    await recordAudit(tx, origin, { action: "user.guardian_invitation.create", targetType: "app_user", targetId: userId, detail: { invitationId: row!.id } });
    return presentInvitation(row!, now, token);
  });
}

/** The child's own invitation, for the waiting screen (polled). */
export async function loadMyGuardianInvitation(props: { services: Services; userId: string; invitationId: string }): Promise<GuardianInvitationView> {
  const [row] = await props.services.db
    .select()
    .from(guardianInvitations)
    .where(and(eq(guardianInvitations.id, props.invitationId), eq(guardianInvitations.childUserId, props.userId)))
    .limit(1);
  if (!row) throw NotFoundError("GUARDIAN_INVITATION_NOT_FOUND");
  return presentInvitation(row, props.services.clock.now());
}

async function invitationByToken(db: DbOrTx, token: string, lock: boolean): Promise<InvitationRow> {
  // A malformed token is the same 404 as an unknown one: nothing tells a guesser which tokens exist.
  if (!guardianInvitationToken.safeParse(token).success) throw NotFoundError("GUARDIAN_INVITATION_NOT_FOUND");
  const query = db.select().from(guardianInvitations).where(eq(guardianInvitations.tokenHash, hashOf(token))).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw NotFoundError("GUARDIAN_INVITATION_NOT_FOUND");
  return row;
}

/** What the guardian sees on opening the card: the child's alias and what they are asked; nothing else about the child. */
export async function guardianInvitationOpener(props: { services: Services; guardianUserId: string; token: string }): Promise<GuardianInvitationForGuardianView> {
  const { services, guardianUserId, token } = props;
  const row = await invitationByToken(services.db, token, false);
  if (row.childUserId === guardianUserId) throw ForbiddenError("GUARDIAN_INVITATION_SELF");
  const [child] = await services.db.select({ alias: appUsers.alias, deletedAt: appUsers.deletedAt }).from(appUsers).where(eq(appUsers.id, row.childUserId)).limit(1);
  if (!child || child.deletedAt) throw NotFoundError("GUARDIAN_INVITATION_NOT_FOUND");
  return { childAlias: child.alias, status: statusOf(row, services.clock.now()), expiresAt: row.expiresAt.toISOString(), guardianVersion: currentConsentVersions.guardian };
}

/**
 * The guardian confirms or declines in their own WeChat, signed in as a parent. Single use: the row is
 * locked and must still be pending and unexpired; the child's own account is refused. Confirming records
 * the child's guardian consent with method `invitation` and the guardian's account.
 */
export async function guardianInvitationDecider(props: {
  services: Services;
  guardianUserId: string;
  token: string;
  decision: { confirm: true; guardianRelation: GuardianRelation } | { confirm: false };
  origin: AuditOrigin;
}): Promise<GuardianInvitationForGuardianView> {
  const { services, guardianUserId, token, decision, origin } = props;
  const now = services.clock.now();
  return services.db.transaction(async (tx) => {
    const row = await invitationByToken(tx, token, true);
    if (row.childUserId === guardianUserId) throw ForbiddenError("GUARDIAN_INVITATION_SELF");
    const [guardian] = await tx.select({ role: appUsers.role }).from(appUsers).where(and(eq(appUsers.id, guardianUserId), isNull(appUsers.deletedAt))).limit(1);
    if (!guardian) throw AuthenticationError();
    if (guardian.role !== "parent") throw ForbiddenError("GUARDIAN_INVITATION_PARENT_ONLY");
    const status = statusOf(row, now);
    if (status === "expired") throw new AppError(410, "GUARDIAN_INVITATION_EXPIRED");
    if (status !== "pending") throw new AppError(409, "GUARDIAN_INVITATION_USED");
    const [child] = await tx.select({ alias: appUsers.alias, ageBand: appUsers.ageBand }).from(appUsers).where(and(eq(appUsers.id, row.childUserId), isNull(appUsers.deletedAt))).for("update");
    if (!child) throw NotFoundError("GUARDIAN_INVITATION_NOT_FOUND");

    let consentId: string | null = null;
    if (decision.confirm) {
      // The guardian's own account is used from here on (linked to the child's consent): it needs their own
      // current privacy consent first, as every account does before its data is used.
      const [privacy] = await tx
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.userId, guardianUserId), eq(consents.kind, "privacy"), eq(consents.version, currentConsentVersions.privacy), isNull(consents.withdrawnAt)))
        .limit(1);
      if (!privacy) throw ForbiddenError("GUARDIAN_PRIVACY_CONSENT_REQUIRED");
      consentId = randomUUID();
      await tx.insert(consents).values({
        id: consentId,
        userId: row.childUserId,
        kind: "guardian",
        version: currentConsentVersions.guardian,
        givenAt: now,
        guardianRelation: decision.guardianRelation,
        guardianNameEnc: null,
        method: "invitation",
        guardianUserId,
      });
      await recordAudit(tx, origin, {
        action: "user.consent.give",
        targetType: "app_user",
        targetId: row.childUserId,
        detail: { kind: "guardian", version: currentConsentVersions.guardian, method: "invitation", invitationId: row.id },
      });
    } else {
      await recordAudit(tx, origin, { action: "user.guardian_invitation.decline", targetType: "app_user", targetId: row.childUserId, detail: { invitationId: row.id } });
    }
    await tx
      .update(guardianInvitations)
      .set({
        status: decision.confirm ? "confirmed" : "declined",
        guardianUserId,
        guardianRelation: decision.confirm ? decision.guardianRelation : null,
        decidedAt: now,
        consentId,
      })
      .where(eq(guardianInvitations.id, row.id));
    return { childAlias: child.alias, status: decision.confirm ? "confirmed" : "declined", expiresAt: row.expiresAt.toISOString(), guardianVersion: currentConsentVersions.guardian };
  });
}

const invitationStatusLabels: Record<string, string> = { pending: "等待监护人处理", confirmed: "监护人已同意", declined: "监护人暂不同意", cancelled: "已作废（发了新的邀请）" };

/** Invitations the user sent as a child, and those they answered as a guardian (no other person's alias). */
export const guardianInvitationExportSection = exportSection({
  key: "guardianInvitations",
  title: "监护人同意邀请",
  async collect({ db, userId }) {
    const rows = await db
      .select()
      .from(guardianInvitations)
      .where(or(eq(guardianInvitations.childUserId, userId), eq(guardianInvitations.guardianUserId, userId)))
      .orderBy(asc(guardianInvitations.createdAt));
    return rows.map((row) => ({
      role: row.childUserId === userId ? "sent" : "answered",
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      status: row.status,
      guardianRelation: row.guardianRelation,
      decidedAt: row.decidedAt?.toISOString() ?? null,
    }));
  },
  render(rows) {
    return rows.map((row) => {
      const who = row.role === "sent" ? "我发给监护人的邀请" : "我作为监护人处理的邀请";
      const relation = row.guardianRelation ? `（${labelOf(guardianRelationLabels, row.guardianRelation)}）` : "";
      const decided = row.decidedAt ? `，${exportTime(row.decidedAt)} 处理` : "";
      return `${exportTime(row.createdAt)}  ${who}：${labelOf(invitationStatusLabels, row.status)}${relation}${decided}`;
    });
  },
});

/**
 * Deleting an account: the child's invitations go (pending ones cancelled first by deletion itself); a
 * guardian's account is detached from the consents and invitations they answered; the consent rows stay
 * as proof, naming nobody.
 */
export const guardianInvitationDeletionStep: AccountDeletionStep = {
  name: "guardianInvitations",
  async run({ tx, userId }) {
    await tx.update(consents).set({ guardianUserId: null }).where(or(eq(consents.userId, userId), eq(consents.guardianUserId, userId)));
    await tx.delete(guardianInvitations).where(eq(guardianInvitations.childUserId, userId));
    await tx.update(guardianInvitations).set({ guardianUserId: null }).where(eq(guardianInvitations.guardianUserId, userId));
  },
};
