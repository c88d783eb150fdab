import type { Feature } from "../features/feature";
import { retentionJobs } from "./retentionJobs";

/** 保存期限: the daily erasing pass. Settings routes: routes/api/settings/retention.ts. No user data of its own. */
export const retentionFeature: Feature = { name: "retention", jobs: [retentionJobs] };
