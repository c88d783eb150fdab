import { useEffect } from "react";
import { clearActivity, idleLimitMs, idleLogoutMessage, isIdle, readLastActivity, recordActivity } from "./idleClock";

const activityEvents = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"] as const;
const recordEveryMs = 15 * 1000;
const checkEveryMs = 20 * 1000;

/** While signed in, signs the staff member out after 30 idle minutes and says why on the login page. */
export function useIdleLogout(active: boolean, onIdle: (reason: string) => void): void {
  useEffect(() => {
    if (!active) return;
    const startedAt = readLastActivity();
    if (startedAt !== null && isIdle(startedAt, Date.now())) {
      clearActivity();
      onIdle(idleLogoutMessage);
      return;
    }
    recordActivity();
    let lastRecorded = Date.now();

    const onActivity = () => {
      const now = Date.now();
      if (now - lastRecorded < recordEveryMs) return;
      lastRecorded = now;
      recordActivity(now);
    };
    const check = () => {
      const last = readLastActivity() ?? lastRecorded;
      if (!isIdle(last, Date.now(), idleLimitMs)) return;
      clearActivity();
      onIdle(idleLogoutMessage);
    };

    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener("visibilitychange", check);
    const timer = window.setInterval(check, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener("visibilitychange", check);
      window.clearInterval(timer);
    };
  }, [active, onIdle]);
}
