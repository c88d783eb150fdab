/**
 * Risk detector benchmark: messages per second through detectRisk (lexicon + learned model) on one core (this process, one
 * thread), for the lengths students write: a chat line, a chat paragraph, a letter. Texts are built from
 * the labelled corpus (risky and not), so the mix of hits, negations and hyperbole is realistic.
 *
 *   npm run bench:risk            (BENCH_RISK_MESSAGES=200000 per length to change; goal ≥ 20 000/s)
 *
 * Two figures per length: by the wall clock (the goal's figure) and by this process's CPU time, which moves
 * less when other work shares the machine (compare runs by the CPU figure when the machine is busy).
 * Verdicts are checked elsewhere: riskDetectorSpeed.test.ts compares the detector with a plain reference.
 */
import { detectRisk } from "../../server/src/risk/riskDetector";
import { shippedRiskCorpus } from "../../server/src/risk/riskCorpus";

const messagesPerLength = Number(process.env.BENCH_RISK_MESSAGES ?? 200_000);
const goal = 20_000;

const { tuning } = shippedRiskCorpus();
const lines = tuning.map((row) => row.text);

/** Texts of about `length` characters: corpus lines joined until long enough, each set rotated so no two are alike. */
function textsOf(length: number, count: number): string[] {
  const texts: string[] = [];
  for (let start = 0; texts.length < count; start += 1) {
    let text = "";
    for (let index = start; text.length < length; index += 7) text += (text ? "，" : "") + lines[index % lines.length];
    texts.push(text.slice(0, Math.max(length, lines[start % lines.length]?.length ?? 0)));
  }
  return texts;
}

const lengths: Array<[string, number]> = [
  ["chat line (~15 chars)", 15],
  ["chat paragraph (~60 chars)", 60],
  ["letter (~300 chars)", 300],
];

let flagged = 0;
const results: Array<{ name: string; perSecond: number; perCpuSecond: number }> = [];
for (const [name, length] of lengths) {
  const texts = textsOf(length, 2_000);
  for (let warm = 0; warm < Math.min(messagesPerLength, 5_000); warm += 1) detectRisk(texts[warm % texts.length] as string);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (let index = 0; index < messagesPerLength; index += 1) if (detectRisk(texts[index % texts.length] as string).level !== "none") flagged += 1;
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = messagesPerLength / seconds;
  const perCpuSecond = messagesPerLength / ((cpu.user + cpu.system) / 1e6);
  results.push({ name, perSecond, perCpuSecond });
  const figure = (value: number) => Math.round(value).toLocaleString("en-US").padStart(9);
  console.log(`${name.padEnd(28)} ${figure(perSecond)} messages/s  (${messagesPerLength} messages in ${seconds.toFixed(2)} s; ${figure(perCpuSecond)}/s of CPU time)`);
}
const typical = results[1] as { perSecond: number };
console.log(`typical length: ${Math.round(typical.perSecond).toLocaleString("en-US")} messages/s on one core (goal ≥ ${goal.toLocaleString("en-US")}): ${typical.perSecond >= goal ? "met" : "NOT met"}; ${flagged} flagged`);
if (flagged === 0) {
  console.error("no message was flagged: the benchmark is not exercising the detector");
  process.exit(1);
}
