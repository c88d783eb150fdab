import { eq, sql } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { decoyPasswordHash, verifyPassword } from "../auth/password";
import { verifyTotp } from "../auth/totp";
import { pendingStepsOf } from "../auth/resolveActor";
import { startSession } from "../auth/sessionStore";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, AuthenticationError, ForbiddenError } from "../http/errors";
import { findStaffRecord } from "../staff/staffViews";
import type { StaffRecord } from "../staff/presentStaff";
import { sealed } from "../crypto/sealedColumns";

/** Five wrong passwords or codes in a row lock the account for 15 minutes. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;

export type StaffLoginOutcome =
  | { ok: true; session: { token: string; sessionId: string; expiresAt: Date }; record: StaffRecord; pending: StaffActor["pending"] }
  | { ok: false; error: AppError };

interface Props {
  tx: DbOrTx;
  services: Pick<Services, "clock" | "config" | "cipher">;
  username: string;
  password: string;
  totpCode?: string;
  request: { ip: string | null; requestId: string | null };
}

type StaffRow = typeof staff.$inferSelect;

/**
 * Checks a staff sign-in: lockout, password, account status, second factor (a replayed step is
 * refused), then starts a session. Failures are returned rather than thrown so the caller commits the
 * failure count and the audit row before answering: a thrown error would roll them back.
 */
export async function staffAuthenticator(props: Props): Promise<StaffLoginOutcome> {
  const { tx, services } = props;
  const now = services.clock.now();
  const [row] = await tx
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.username})`, props.username.toLowerCase()))
    .limit(1)
    .for("update");
  const origin: AuditOrigin = { actorType: "staff", actorId: row?.id ?? null, ...props.request };
  const refuse = async (reason: string, error: AppError): Promise<StaffLoginOutcome> => {
    await recordAudit(tx, origin, { action: "staff.login.failed", targetType: "staff", targetId: row?.id, detail: { reason, ...(row ? {} : { typedUsernameLength: [...props.username].length }) } });
    return { ok: false, error };
  };

  if (!row) {
    await verifyPassword(await decoyPasswordHash(), props.password);
    return refuse("unknown_username", AuthenticationError("INVALID_CREDENTIALS"));
  }
  // A locked account answers exactly as a wrong password or an unknown username (issue 14): a 423 told
  // anyone which usernames exist. The password is still checked so the timing is the same too.
  if (row.lockedUntil && row.lockedUntil > now) {
    await verifyPassword(row.passwordHash, props.password);
    return refuse("locked", AuthenticationError("INVALID_CREDENTIALS"));
  }
  if (!(await verifyPassword(row.passwordHash, props.password))) {
    return countFailure(tx, row, now, origin, "bad_password", AuthenticationError("INVALID_CREDENTIALS"));
  }
  if (row.status !== "active") return refuse("disabled", ForbiddenError("ACCOUNT_DISABLED"));

  let totpStep: number | null = null;
  if (row.totpSecretEnc) {
    if (!props.totpCode) return refuse("totp_missing", AuthenticationError("TOTP_REQUIRED"));
    totpStep = verifyTotp(services.cipher.decrypt(row.totpSecretEnc, sealed.staffTotpSecret.at(row)), props.totpCode, now, row.totpLastStep);
    if (totpStep === null) return countFailure(tx, row, now, origin, "bad_totp", AuthenticationError("TOTP_INVALID"));
  }

  const [updated] = await tx
    .update(staff)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, ...(totpStep === null ? {} : { totpLastStep: totpStep }) })
    .where(eq(staff.id, row.id))
    .returning();
  const expiresAt = new Date(now.getTime() + services.config.sessions.staffMaxHours * 3_600_000);
  const session = await startSession(tx, { type: "staff", id: row.id }, now, expiresAt);
  await recordAudit(tx, origin, { action: "staff.login", targetType: "staff", targetId: row.id, detail: { secondFactor: totpStep !== null } });
  const record = await findStaffRecord(tx, row.id);
  return { ok: true, session, record: record!, pending: await pendingStepsOf(tx, updated!) };
}

/** One more failure; the fifth in a row locks the account and starts the count again. */
async function countFailure(tx: DbOrTx, row: StaffRow, now: Date, origin: AuditOrigin, reason: string, error: AppError): Promise<StaffLoginOutcome> {
  const failures = row.failedLoginCount + 1;
  const locks = failures >= maxFailedLogins;
  const lockedUntil = locks ? new Date(now.getTime() + lockMinutes * 60_000) : null;
  await tx
    .update(staff)
    .set(locks ? { failedLoginCount: 0, lockedUntil } : { failedLoginCount: failures })
    .where(eq(staff.id, row.id));
  await recordAudit(tx, origin, { action: "staff.login.failed", targetType: "staff", targetId: row.id, detail: { reason, failures } });
  if (!lockedUntil) return { ok: false, error };
  await recordAudit(tx, origin, { action: "staff.lock", targetType: "staff", targetId: row.id, detail: { until: lockedUntil.toISOString() } });
  return { ok: false, error };
}
