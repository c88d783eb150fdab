/**
 * One client process of the chat benchmark's idle crowd: reads a JSON file of { url, tokens }, connects
 * one authenticated socket.io client per token (100 at a time), prints "CONNECTED <n> <failed>" and
 * holds them until its stdin closes (the benchmark ends), then disconnects. One client process tops
 * out at a few thousand sockets on a shared machine, so the benchmark starts several of these.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { connectSocket, type TestSocket } from "../support/socketClient";

async function main(): Promise<void> {
  const { url, tokens } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { url: string; tokens: string[] };
  const sockets: TestSocket[] = [];
  let failed = 0;
  for (let start = 0; start < tokens.length; start += 100) {
    const batch = await Promise.allSettled(tokens.slice(start, start + 100).map((token) => connectSocket(url, token)));
    for (const result of batch) {
      if (result.status === "fulfilled") sockets.push(result.value);
      else failed += 1;
    }
  }
  let dropped = 0;
  for (const socket of sockets) socket.on("disconnect", () => (dropped += 1));
  process.stdout.write(`CONNECTED ${sockets.length} ${failed}\n`);
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim() === "count") process.stdout.write(`COUNT ${sockets.length - dropped}\n`);
  });
  process.stdin.on("end", () => {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  });
}

void main();
