import { createRiskDetector, shippedRiskLexicon, shippedRiskModel } from "./server/src/risk/riskDetector";
const d = createRiskDetector(shippedRiskLexicon, shippedRiskModel);
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(d(t)).slice(0, 120));
