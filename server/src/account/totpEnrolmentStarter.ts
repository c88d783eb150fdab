import { eq } from "drizzle-orm";
import type { TotpSetupView } from "@xinyuan/shared";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { StaffActor } from "../auth/actor";
import { newTotpSecret, otpauthUrl } from "../auth/totp";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError } from "../http/errors";
import { sealed } from "../crypto/sealedColumns";

interface Props {
  tx: DbOrTx;
  cipher: FieldCipher;
  now: Date;
  actor: StaffActor;
  origin: AuditOrigin;
}

/**
 * Starts TOTP enrolment: a new secret kept encrypted as pending until a code from it is confirmed.
 * An enrolled account cannot start again on its own (a stolen session must not swap the second
 * factor); an admin resets it first.
 */
export async function totpEnrolmentStarter(props: Props): Promise<TotpSetupView> {
  const { tx, actor } = props;
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1).for("update");
  if (row?.totpSecretEnc) throw ConflictError("TOTP_ALREADY_ENROLLED");
  const secret = newTotpSecret();
  await tx.update(staff).set({ totpPendingSecretEnc: props.cipher.encrypt(secret, sealed.staffTotpPendingSecret.at(actor)), updatedAt: props.now }).where(eq(staff.id, actor.id));
  await recordAudit(tx, props.origin, { action: "staff.totp.setup", targetType: "staff", targetId: actor.id });
  return { secret, otpauthUrl: otpauthUrl(secret, actor.username) };
}
