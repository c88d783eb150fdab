import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { StaffActor } from "../auth/actor";
import { verifyTotp } from "../auth/totp";
import { pendingStepsOf } from "../auth/resolveActor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError } from "../http/errors";
import { sealed } from "../crypto/sealedColumns";

interface Props {
  tx: DbOrTx;
  cipher: FieldCipher;
  now: Date;
  actor: StaffActor;
  code: string;
  origin: AuditOrigin;
}

/**
 * Confirms TOTP enrolment with a code from the pending secret, which then becomes the account's second
 * factor. The code's step is remembered, so the same code cannot also sign in.
 */
export async function totpEnroller(props: Props): Promise<{ pending: StaffActor["pending"] }> {
  const { tx, actor } = props;
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1).for("update");
  if (row?.totpSecretEnc) throw ConflictError("TOTP_ALREADY_ENROLLED");
  if (!row?.totpPendingSecretEnc) throw new AppError(400, "TOTP_NOT_STARTED");
  const secret = props.cipher.decrypt(row.totpPendingSecretEnc, sealed.staffTotpPendingSecret.at(row));
  const step = verifyTotp(secret, props.code, props.now, null);
  if (step === null) throw new AppError(400, "TOTP_INVALID");
  const [updated] = await tx
    .update(staff)
    // re-sealed: a value is bound to its column, the pending one does not open as the enrolled one
    .set({ totpSecretEnc: props.cipher.encrypt(secret, sealed.staffTotpSecret.at(row)), totpPendingSecretEnc: null, totpLastStep: step, updatedAt: props.now })
    .where(eq(staff.id, actor.id))
    .returning();
  await recordAudit(tx, props.origin, { action: "staff.totp.enrol", targetType: "staff", targetId: actor.id });
  return { pending: await pendingStepsOf(tx, updated!) };
}
