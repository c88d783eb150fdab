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
import { countSignInFailure, forgetSignInPair, signInPairOf, signInSlowedError, takeSignInTurn } from "../auth/signInThrottle";

export type StaffLoginOutcome =
  | { ok: true; session: { token: string; sessionId: string; expiresAt: Date }; record: StaffRecord; pending: StaffActor["pending"] }
  | { ok: false; error: AppError };

interface Props {
  tx: DbOrTx;
  services: Pick<Services, "clock" | "config" | "cipher" | "hashIdentity">;
  username: string;
  password: string;
  totpCode?: string;
  request: { ip: string | null; requestId: string | null };
}

/**
 * Checks a staff sign-in: the (username, address) pair's wait, password, account status, second factor
 * (a replayed step is refused), then starts a session. Wrong passwords and codes slow that pair only
 * (auth/signInThrottle.ts); nothing locks the account for everyone (issue 14). Failures are returned
 * rather than thrown so the caller commits the failure count and the audit row before answering: a thrown
 * error would roll them back.
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
  // Then the pair's row, locked too: simultaneous guesses from one pair are checked one after another.
  const pair = signInPairOf(services.hashIdentity, props.username, props.request.ip);
  const turn = await takeSignInTurn(tx, pair, now);
  const origin: AuditOrigin = { actorType: "staff", actorId: row?.id ?? null, ...props.request };
  const typed = row ? {} : { typedUsernameLength: [...props.username].length };
  const refuse = async (reason: string, error: AppError): Promise<StaffLoginOutcome> => {
    await recordAudit(tx, origin, { action: "staff.login.failed", targetType: "staff", targetId: row?.id, detail: { reason, ...typed } });
    return { ok: false, error };
  };
  const fail = async (reason: string, error: AppError): Promise<StaffLoginOutcome> => {
    const waitSeconds = await countSignInFailure(tx, pair, turn, now, services.config.signIn);
    await recordAudit(tx, origin, { action: "staff.login.failed", targetType: "staff", targetId: row?.id, detail: { reason, failures: turn.failures + 1, ...(waitSeconds > 0 ? { slowedSeconds: waitSeconds } : {}), ...typed } });
    return { ok: false, error };
  };

  // A slowed pair is answered before any password is checked, the same whether the username exists or not.
  if (turn.waitSeconds > 0) return refuse("slowed", signInSlowedError(turn.waitSeconds));
  if (!row) {
    await verifyPassword(await decoyPasswordHash(), props.password);
    return fail("unknown_username", AuthenticationError("INVALID_CREDENTIALS"));
  }
  if (!(await verifyPassword(row.passwordHash, props.password))) return fail("bad_password", AuthenticationError("INVALID_CREDENTIALS"));
  if (row.status !== "active") return refuse("disabled", ForbiddenError("ACCOUNT_DISABLED"));

  let totpStep: number | null = null;
  if (row.totpSecretEnc) {
    if (!props.totpCode) return refuse("totp_missing", AuthenticationError("TOTP_REQUIRED"));
    totpStep = verifyTotp(services.cipher.decrypt(row.totpSecretEnc, sealed.staffTotpSecret.at(row)), props.totpCode, now, row.totpLastStep);
    if (totpStep === null) return fail("bad_totp", AuthenticationError("TOTP_INVALID"));
  }

  await forgetSignInPair(tx, pair);
  const [updated] = await tx
    .update(staff)
    .set({ failedLoginCount: 0, lastLoginAt: now, ...(totpStep === null ? {} : { totpLastStep: totpStep }) })
    .where(eq(staff.id, row.id))
    .returning();
  const expiresAt = new Date(now.getTime() + services.config.sessions.staffMaxHours * 3_600_000);
  const session = await startSession(tx, { type: "staff", id: row.id }, now, expiresAt);
  await recordAudit(tx, origin, { action: "staff.login", targetType: "staff", targetId: row.id, detail: { secondFactor: totpStep !== null } });
  const record = await findStaffRecord(tx, row.id);
  return { ok: true, session, record: record!, pending: await pendingStepsOf(tx, updated!) };
}
