import { BroadcastChannel, parentPort } from "node:worker_threads";
import { shippedRiskModel } from "../../../server/src/risk/riskDetector";

const gate = new BroadcastChannel("risk-training-gate");
gate.onmessage = (event) => {
  if ((event as { data?: unknown }).data !== "go") return;
  gate.close();
  const figures = { positives: 1, negatives: 1, truePositives: 1, falsePositives: 0, recall: 1, precision: 1, falseAlarmRate: 0 };
  parentPort!.postMessage({ model: shippedRiskModel, evaluation: { rows: 2, overall: figures, categories: {}, heldOut: figures, passesGate: true } });
};
gate.postMessage("waiting");
