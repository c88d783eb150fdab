import { parentPort, workerData } from "node:worker_threads";
import { riskTrainingJob, type RiskTrainingInput } from "./riskTrainingJob";

// The worker thread's module (loaded through riskTrainingWorker.mjs): trains once, answers once, ends.
const { input } = workerData as { input: RiskTrainingInput };
parentPort!.postMessage(riskTrainingJob(input));
