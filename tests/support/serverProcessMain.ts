/**
 * Entry of a real XinYuan server process for multi-process tests and the benchmark (run with tsx).
 * Configuration comes from the environment, as in production. Prints "READY <url>" once listening,
 * then answers lines on stdin: "drop" (the server disconnects every socket it holds), "mem" (prints
 * "MEM <json>" with this process's memory and socket count), "risk <text>" (prints "RISK <json>": this
 * process's detectRisk verdict and lexicon version), "emit <room> <event> <json>" (emits to a room across
 * the cluster, prints "EMITTED"; for payloads larger than a client may send), "timings start" / "timings"
 * (records realtime stage timings, then prints "TIMINGS <json>" and stops: realtime/stageTimings.ts), "stop" (graceful stop).
 */
import { createInterface } from "node:readline";
import { loadConfig } from "../../server/src/config";
import { startServer } from "../../server/src/startServer";
import { activeRiskLexicon, detectRisk } from "../../server/src/risk/riskDetector";
import { stageTimings } from "../../server/src/realtime/stageTimings";

const server = await startServer(loadConfig(process.env));
process.stdout.write(`READY ${server.url}\n`);

createInterface({ input: process.stdin }).on("line", (line) => {
  const command = line.trim();
  if (command === "drop") {
    server.io.local.disconnectSockets(true);
    process.stdout.write("DROPPED\n");
  } else if (command === "mem") {
    const memory = process.memoryUsage();
    process.stdout.write(`MEM ${JSON.stringify({ rss: memory.rss, heapUsed: memory.heapUsed, sockets: server.io.of("/").sockets.size })}\n`);
  } else if (command.startsWith("risk ")) {
    const { level, categories } = detectRisk(command.slice("risk ".length));
    process.stdout.write(`RISK ${JSON.stringify({ level, categories, lexicon: activeRiskLexicon() })}\n`);
  } else if (command.startsWith("emit ")) {
    const [, room, event, ...json] = command.split(" ");
    (server.io.to(room!) as unknown as { emit(event: string, payload: unknown): void }).emit(event!, JSON.parse(json.join(" ")));
    process.stdout.write("EMITTED\n");
  } else if (command === "timings start") {
    stageTimings.start();
    process.stdout.write("TIMINGS STARTED\n");
  } else if (command === "timings") {
    process.stdout.write(`TIMINGS ${JSON.stringify(stageTimings.report())}\n`);
    stageTimings.stop();
  } else if (command === "stop") {
    void server.stop().then(() => process.exit(0));
  }
});
