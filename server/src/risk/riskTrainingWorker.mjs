// Entry of the risk model's training worker thread (riskTrainingRunner.ts). Worker threads do not inherit
// the TypeScript loader of the thread that starts them (tsx in `npm start` and production, SWC in Jest, whose
// module sandbox also runs training ~10x slower), so this plain module registers tsx in the worker itself and
// then loads the TypeScript module it was given: the same way under every way of starting the server.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
