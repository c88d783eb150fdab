import { and, asc, eq } from "drizzle-orm";
import { eventSignups, publications } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime } from "../users/exportText";
import { notifyChanged } from "./publishingChange";
import { publishedCacheOf } from "./publishedCache";
import { sealed } from "../crypto/sealedColumns";

/** The user's event sign-ups with their notes. */
export const publishingExportSection = exportSection({
  key: "eventSignups",
  title: "活动报名",
  async collect({ db, services, userId }) {
    const rows = await db
      .select({ signup: eventSignups, title: publications.title })
      .from(eventSignups)
      .innerJoin(publications, eq(publications.id, eventSignups.publicationId))
      .where(eq(eventSignups.userId, userId))
      .orderBy(asc(eventSignups.createdAt));
    return rows.map(({ signup, title }) => ({
      event: title,
      status: signup.status,
      note: signup.noteEnc ? services.cipher.decrypt(signup.noteEnc, sealed.eventSignupNote.at(signup)) : null,
      createdAt: signup.createdAt.toISOString(),
      cancelledAt: signup.cancelledAt?.toISOString() ?? null,
    }));
  },
  render(signups) {
    return signups.flatMap((signup) => [
      `${exportTime(signup.createdAt)} 报名「${signup.event}」，${signup.status === "active" ? "报名有效" : `已取消${signup.cancelledAt ? `（${exportTime(signup.cancelledAt)}）` : ""}`}`,
      ...(signup.note ? [`  我的备注：${signup.note}`] : []),
    ]);
  },
});

/** Account deletion: active sign-ups give their places back; notes are erased; rows detach (head counts stay). */
export const publishingDeletionStep: AccountDeletionStep = {
  name: "publishing",
  async run({ tx, services, userId, now }) {
    const cancelled = await tx
      .update(eventSignups)
      .set({ status: "cancelled", cancelledAt: now })
      .where(and(eq(eventSignups.userId, userId), eq(eventSignups.status, "active")))
      .returning({ publicationId: eventSignups.publicationId });
    for (const { publicationId } of cancelled) {
      const [event] = await tx.select({ signedUp: publications.signedUp }).from(publications).where(eq(publications.id, publicationId)).for("update");
      await tx.update(publications).set({ signedUp: Math.max((event?.signedUp ?? 1) - 1, 0) }).where(eq(publications.id, publicationId));
    }
    await tx.update(eventSignups).set({ userId: null, noteEnc: null }).where(eq(eventSignups.userId, userId));
    if (cancelled.length === 0) return;
    await notifyChanged(tx, cancelled.map((row) => row.publicationId));
    return () => publishedCacheOf(services).invalidate();
  },
};
