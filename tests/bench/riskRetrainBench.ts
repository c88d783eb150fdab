/**
 * How long a 重新训练 (POST /risk-lexicon/retrain) stalls the server's event loop: while it runs, every
 * chat message and request of that process waits for the loop. One app on a fresh database (PostgreSQL by
 * default, XINYUAN_TEST_DB=pglite for the embedded one), a county supervisor, one retrain; meanwhile
 * monitorEventLoopDelay records the loop's delay and a probe asks GET /healthz every 50 ms.
 *
 *   npx tsx tests/bench/riskRetrainBench.ts        (BENCH_RETRAINS=3 retrains one after another)
 *
 * Prints, per retrain: its wall time, the loop's longest and p99 delay, and the slowest probe answer.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import globalSetup from "../support/globalSetup";
import globalTeardown from "../support/globalTeardown";
import { createTestApp } from "../support/testApp";
import { buildSignedInStaff } from "../support/staffSession";
import { riskLexiconSeeder } from "../../server/src/risk/riskLexiconSeeder";
import { refreshRiskLexicon } from "../../server/src/risk/riskLexiconReloader";

process.env.XINYUAN_TEST_DB ??= "postgres";
const retrains = Number(process.env.BENCH_RETRAINS ?? 3);

async function main(): Promise<void> {
  await globalSetup();
  const t = await createTestApp();
  try {
    await riskLexiconSeeder(t.db);
    await refreshRiskLexicon(t.db);
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    for (let run = 1; run <= retrains; run += 1) {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      let probing = true;
      let slowestProbe = 0;
      // a probe is due every 50 ms; its figure counts from when it was due (a blocked loop cannot even send it)
      const probe = (async () => {
        while (probing) {
          const due = performance.now() + 50;
          await new Promise((resolve) => setTimeout(resolve, 50));
          await t.request.get("/healthz").expect(200);
          slowestProbe = Math.max(slowestProbe, performance.now() - due);
        }
      })();
      histogram.enable();
      const started = performance.now();
      const response = await t.request.post("/api/v1/risk-lexicon/retrain").set(supervisor.auth);
      const wall = performance.now() - started;
      // the histogram samples when a timer fires: let the first tick after a stall record it
      await new Promise((resolve) => setTimeout(resolve, 100));
      histogram.disable();
      probing = false;
      await probe;
      if (response.status !== 201) throw new Error(`retrain answered ${response.status}: ${JSON.stringify(response.body)}`);
      const ms = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(0);
      console.log(
        `retrain ${run} (${process.env.XINYUAN_TEST_DB}): ${wall.toFixed(0)} ms; event loop delay max ${ms(histogram.max)} ms, p99 ${ms(histogram.percentile(99))} ms, mean ${ms(histogram.mean)} ms; slowest /healthz ${slowestProbe.toFixed(0)} ms`,
      );
    }
  } finally {
    await t.close();
    await globalTeardown();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
