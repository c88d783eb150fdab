import type { Feature } from "../features/feature";
import { riskLexiconReloadJob } from "./riskJobs";

/**
 * Risk detection: the lexicon reload job (every server follows the database's active version); the
 * seeder runs in startServer beside the contact taxonomy's.
 */
export const riskFeature: Feature = { name: "risk", jobs: [riskLexiconReloadJob] };
