import { everyInterval } from "../jobs/backgroundJobs";
import { pruneSignInFailures } from "../auth/signInThrottle";

/** Every ten minutes: forget sign-in failure pairs quiet for a day (safe with several processes: one DELETE). */
export const signInFailurePruneJob = everyInterval("sign-in-failures-prune", 10 * 60_000, async (services) => {
  const pruned = await pruneSignInFailures(services.db, services.clock.now());
  if (pruned > 0) services.log.info({ event: "sign_in_failures.pruned", pruned }, "forgot quiet sign-in failure pairs");
});
