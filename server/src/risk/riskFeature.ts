import type { Feature } from "../features/feature";
import { riskLexiconReloadJob } from "./riskJobs";
import { riskFeedbackDeletionStep } from "./riskUserData";

/**
 * Risk detection: the lexicon reload job (every server follows the database's active version); the
 * seeder runs in startServer beside the contact taxonomy's; account deletion erases counsellors' feedback
 * on the person's words (it must run before the chat and letter steps detach their rows: see the registry).
 */
export const riskFeature: Feature = { name: "risk", jobs: [riskLexiconReloadJob], deletionSteps: [riskFeedbackDeletionStep] };
