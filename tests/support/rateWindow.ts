import type { adjustableClock } from "../../server/src/clock";

/**
 * Moves the test clock to just after the start of the next fixed rate-limit window, so a burst of requests
 * that must land in one window cannot straddle a boundary (real time runs on under the offset: a slow
 * machine crossing a minute mark would otherwise reset the count halfway through).
 */
export function startFreshRateWindow(clock: ReturnType<typeof adjustableClock>, windowSeconds: number): void {
  const windowMs = windowSeconds * 1000;
  const now = clock.now().getTime();
  clock.advance(windowMs - (now % windowMs) + 50);
}
