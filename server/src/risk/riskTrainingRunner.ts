import { Worker } from "node:worker_threads";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../http/errors";
import { riskCorpusFile } from "./riskCorpus";
import type { RiskTrainingInput, RiskTrainingOutput } from "./riskTrainingJob";

/** This folder (server/src/risk), found like the corpus beside it: the code runs as ESM under tsx and as CommonJS in Jest. */
const riskFolder = dirname(dirname(riskCorpusFile));

/**
 * Long enough for training to grow with years of feedback (natively ~3 s for 3 700 rows, a worker's start
 * ~1 s), short enough that a stuck worker does not hold a core and the retrain lease for long.
 */
export const riskTrainingTimeoutMs = 5 * 60_000;

export interface RiskTrainingOptions {
  /** The worker's TypeScript module: riskTrainingWorkerMain.ts; tests give one that fails or hangs. */
  entry?: string;
  timeoutMs?: number;
}

/**
 * Runs riskTrainingJob in a worker thread, so the server's event loop (every chat message of this process)
 * keeps running while the model trains. A worker that throws, exits without an answer or runs out of
 * memory gives RISK_RETRAIN_FAILED; one that outlives the timeout is stopped and gives RISK_RETRAIN_TIMEOUT.
 */
export function runRiskTraining(input: RiskTrainingInput, options: RiskTrainingOptions = {}): Promise<RiskTrainingOutput> {
  const entry = options.entry ?? join(riskFolder, "riskTrainingWorkerMain.ts");
  const timeoutMs = options.timeoutMs ?? riskTrainingTimeoutMs;
  return new Promise((resolve, reject) => {
    // execArgv [] : the worker registers its own loader (riskTrainingWorker.mjs) whatever started this process.
    const worker = new Worker(join(riskFolder, "riskTrainingWorker.mjs"), {
      workerData: { entry: pathToFileURL(entry).href, input },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new AppError(503, "RISK_RETRAIN_TIMEOUT", undefined, { timeoutSeconds: Math.round(timeoutMs / 1000) })));
      void worker.terminate();
    }, timeoutMs);
    worker.once("message", (output: RiskTrainingOutput) => {
      settle(() => resolve(output));
      void worker.terminate();
    });
    // the worker's own error goes to the server log (as the cause), not to the browser
    const failed = (cause: Error) => Object.assign(new AppError(500, "RISK_RETRAIN_FAILED"), { cause });
    worker.once("error", (error) => settle(() => reject(failed(error))));
    worker.once("exit", (code) => settle(() => reject(failed(new Error(`the training worker exited with code ${code} before answering`)))));
  });
}
