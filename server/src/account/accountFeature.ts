import type { Feature } from "../features/feature";
import { signInFailurePruneJob } from "./accountJobs";

/** A staff member's own sign-in and account: the job that forgets quiet sign-in failure pairs. */
export const accountFeature: Feature = { name: "account", jobs: [signInFailurePruneJob] };
