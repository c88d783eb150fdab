import { and, eq, lt, or, isNull, sql } from "drizzle-orm";
import { signInFailures } from "../db/schema/index";
import type { Database, DbOrTx } from "../db/database";
import type { Config } from "../config";
import type { IdentityHasher } from "../crypto/identityHasher";
import { AppError } from "../http/errors";
import { clientRateKey } from "../http/rateLimit";

/**
 * Staff sign-in slowing (issue 14). Failures are counted per (typed username, client address) pair, in the
 * database so every server process shares them. A pair's first `freeFailures` cost nothing; each failure
 * after that makes the pair wait, doubling from `firstWaitSeconds` up to `longestWaitSeconds`. Nothing ever
 * locks the account: the same person at another address, or a colleague behind the same school NAT
 * address, signs in as usual. The typed username need not exist: the pair is counted and slowed the same
 * way, so the answers tell nothing about which usernames exist. A pair forgets its failures after a day
 * without one; a successful sign-in forgets them at once.
 */
export interface SignInPair {
  usernameHash: string;
  clientKey: string;
}

export type SignInRules = Config["signIn"];

/** A day without a failure and the pair starts afresh; rows older than that are pruned. */
export const forgetFailuresAfterMs = 24 * 3_600_000;

export function signInPairOf(hashIdentity: IdentityHasher, username: string, ip: string | null): SignInPair {
  return { usernameHash: usernameHashOf(hashIdentity, username), clientKey: ip ? clientRateKey(ip) : "unknown" };
}

function usernameHashOf(hashIdentity: IdentityHasher, username: string): string {
  return hashIdentity("staff-sign-in", username.normalize("NFKC").toLowerCase());
}

const pairIs = (pair: SignInPair) => and(eq(signInFailures.usernameHash, pair.usernameHash), eq(signInFailures.clientKey, pair.clientKey));

export interface SignInTurn {
  /** Failures so far that still count (0 after a quiet day). */
  failures: number;
  /** Seconds this pair must still wait; 0 when it may try now. */
  waitSeconds: number;
}

/**
 * Takes this pair's turn: its row (made when missing) stays locked until the transaction ends, so a burst
 * of simultaneous guesses is checked one by one and cannot all slip in before the first failure counts.
 */
export async function takeSignInTurn(tx: DbOrTx, pair: SignInPair, now: Date): Promise<SignInTurn> {
  await tx
    .insert(signInFailures)
    .values({ ...pair, failures: 0, lastFailureAt: now })
    .onConflictDoNothing();
  const [row] = await tx.select().from(signInFailures).where(pairIs(pair)).for("update");
  if (!row || now.getTime() - row.lastFailureAt.getTime() > forgetFailuresAfterMs) return { failures: 0, waitSeconds: 0 };
  const waitMs = row.slowUntil ? row.slowUntil.getTime() - now.getTime() : 0;
  return { failures: row.failures, waitSeconds: waitMs > 0 ? Math.ceil(waitMs / 1000) : 0 };
}

/** One more failure for the pair (whose turn was taken); returns how long it must now wait (0 while free). */
export async function countSignInFailure(tx: DbOrTx, pair: SignInPair, turn: SignInTurn, now: Date, rules: SignInRules): Promise<number> {
  const failures = turn.failures + 1;
  const waitSeconds = waitAfter(failures, rules);
  await tx
    .update(signInFailures)
    .set({ failures, lastFailureAt: now, slowUntil: waitSeconds > 0 ? new Date(now.getTime() + waitSeconds * 1000) : null })
    .where(pairIs(pair));
  return waitSeconds;
}

/** The wait after the n-th failure in a row: none while free, then doubling up to the longest. */
export function waitAfter(failures: number, rules: SignInRules): number {
  const over = failures - rules.freeFailures;
  if (over <= 0) return 0;
  return Math.min(rules.firstWaitSeconds * 2 ** Math.min(over - 1, 30), rules.longestWaitSeconds);
}

/** A successful sign-in forgets the pair's failures. */
export async function forgetSignInPair(tx: DbOrTx, pair: SignInPair): Promise<void> {
  await tx.delete(signInFailures).where(pairIs(pair));
}

/** An administrator's password reset or re-enabling forgets the username's failures at every address. */
export async function forgetSignInFailuresOf(tx: DbOrTx, hashIdentity: IdentityHasher, username: string): Promise<void> {
  await tx.delete(signInFailures).where(eq(signInFailures.usernameHash, usernameHashOf(hashIdentity, username)));
}

/** Drops pairs quiet for a day and no longer waiting (the prune job). Returns how many went. */
export async function pruneSignInFailures(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - forgetFailuresAfterMs);
  const gone = await db
    .delete(signInFailures)
    .where(and(lt(signInFailures.lastFailureAt, before), or(isNull(signInFailures.slowUntil), lt(signInFailures.slowUntil, now))))
    .returning({ one: sql<number>`1` });
  return gone.length;
}

/** 429 with Retry-After and a kind message naming the wait, the same for every username. */
export function signInSlowedError(waitSeconds: number): AppError {
  const wait = waitSeconds < 60 ? `${waitSeconds} 秒` : `${Math.ceil(waitSeconds / 60)} 分钟`;
  const message = `这台设备上连续输错了几次。为了保护账号，请 ${wait}后再登录；别的设备和同事的登录不受影响。`;
  return new AppError(429, "SIGN_IN_SLOWED", message, { retryAfterSeconds: waitSeconds }, { "Retry-After": String(waitSeconds) });
}
