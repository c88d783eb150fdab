import { and, eq, isNull } from "drizzle-orm";
import { appUsers, consents } from "../db/schema/index";
import type { Services } from "../services";
import type { DbOrTx } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { revokeSessionsOf } from "../auth/sessionStore";
import { AuthenticationError } from "../http/errors";
import { deletedAlias } from "./userAlias";
import type { AccountDeletionStep, AfterDeletion } from "./accountDeletionSteps";
import { guardianInvitationDeletionStep } from "./guardianInvitations";

/**
 * Deletes a mini-program account in one transaction: each feature's registered step runs first, then the
 * identity is erased (openid hash, alias, school, role, age band, guardian names), every session is
 * revoked and the row is marked deleted. Consent rows stay as proof that consent was given, nameless.
 * Records the law requires to keep stay, attached only to a row that no longer identifies anyone.
 */
export async function userDeleter(props: { services: Services; steps: readonly AccountDeletionStep[]; userId: string; origin: AuditOrigin }): Promise<void> {
  const { services, userId, origin } = props;
  const steps = [...props.steps, guardianInvitationDeletionStep];
  const { db, clock } = services;
  const now = clock.now();
  let afterCommit: AfterDeletion[] = [];
  await db.transaction(async (tx) => {
    afterCommit = [];
    const [user] = await tx.select({ id: appUsers.id }).from(appUsers).where(and(eq(appUsers.id, userId), isNull(appUsers.deletedAt))).for("update");
    if (!user) throw AuthenticationError();
    for (const step of steps) {
      const after = await step.run({ tx, services, userId, now });
      if (after) afterCommit.push(after);
    }

    await tx.update(consents).set({ guardianNameEnc: null }).where(eq(consents.userId, userId));
    await tx
      .update(appUsers)
      .set({ openidHash: null, alias: await freeDeletedAlias(tx), role: null, ageBand: null, schoolId: null, deletedAt: now })
      .where(eq(appUsers.id, userId));
    await revokeSessionsOf(tx, { type: "user", id: userId }, now);
    await recordAudit(tx, origin, { action: "user.delete", targetType: "app_user", targetId: userId, detail: { steps: steps.map((step) => step.name) } });
  });
  for (const after of afterCommit) {
    await Promise.resolve()
      .then(after)
      .catch((error: unknown) => services.log.error({ err: error }, "after-deletion step failed"));
  }
}

async function freeDeletedAlias(tx: DbOrTx): Promise<string> {
  for (;;) {
    const alias = deletedAlias();
    const [taken] = await tx.select({ id: appUsers.id }).from(appUsers).where(eq(appUsers.alias, alias)).limit(1);
    if (!taken) return alias;
  }
}
