/**
 * Idle logout: after 30 minutes without keyboard, pointer or scroll activity the admin signs out
 * locally (the server expires the session after the same idle time). The last activity time is kept in
 * sessionStorage so a reload after a long pause still counts as idle.
 */

export const idleLimitMs = 30 * 60 * 1000;
export const idleLogoutMessage = "已经 30 分钟没有操作，为了保护来访学生的隐私，系统已自动退出。请重新登录。";

const lastActivityKey = "xinyuan.admin.lastActivityAt";

/** True when the time since the last activity has reached the limit. Pure, so it can be tested. */
export function isIdle(lastActivityAt: number, now: number, limitMs: number = idleLimitMs): boolean {
  return now - lastActivityAt >= limitMs;
}

export function readLastActivity(): number | null {
  const raw = window.sessionStorage.getItem(lastActivityKey);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function recordActivity(now: number = Date.now()): void {
  window.sessionStorage.setItem(lastActivityKey, String(now));
}

export function clearActivity(): void {
  window.sessionStorage.removeItem(lastActivityKey);
}
