import { ConfigError, loadConfig } from "./config";
import { startServer } from "./startServer";
import { DataDirLockedError } from "./db/dataDirLock";
import { createLogger } from "./logger";

/** Production / plain start: configuration from the environment only. The demo start is scripts/start.mjs. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`XinYuan cannot start: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  try {
    const server = await startServer(config, { log });
    log.info({ url: server.url, database: server.database.kind }, "XinYuan is listening");
    const shutdown = (signal: string) => {
      log.info({ signal }, "shutting down");
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`XinYuan cannot start: ${error.message}`);
      process.exit(75);
    }
    throw error;
  }
}

void main();
