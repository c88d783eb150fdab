import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "./config";
import { openDatabase, migrateDatabase, type OpenDatabase } from "./db/openDatabase";
import { buildServices, type ServiceOverrides } from "./buildServices";
import { createApp } from "./app";
import { answerClientErrors } from "./http/clientErrors";
import { attachSocketServer, type XinyuanSocketServer } from "./realtime/socketServer";
import { backgroundJobsOf, socketFeaturesOf } from "./features/featureParts";
import { features as registeredFeatures } from "./features/registry";
import type { Feature } from "./features/feature";
import { presenceSocket } from "./presence/presenceSocket";
import { presenceHeartbeat } from "./presence/presenceHeartbeat";
import type { Services } from "./services";
import { contactTaxonomySeeder } from "./contacts/contactTaxonomySeeder";
import { riskLexiconSeeder } from "./risk/riskLexiconSeeder";
import { refreshRiskLexicon } from "./risk/riskLexiconReloader";

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  io: XinyuanSocketServer;
  httpServer: Server;
  database: OpenDatabase;
  /** Stops accepting, drains HTTP and sockets, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** Opens and migrates the database, then listens with HTTP and socket.io on one port. */
export async function startServer(config: Config, overrides: ServiceOverrides & { database?: OpenDatabase; features?: readonly Feature[] } = {}): Promise<RunningServer> {
  const database = overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize }));
  try {
    if (config.migrationDatabaseUrl && database.kind === "postgres") {
      // Migrations as the tables' owner; the application itself keeps DATABASE_URL (no DDL, audit INSERT/SELECT only).
      const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, poolSize: 1 });
      try {
        await migrateDatabase(owner);
      } finally {
        await owner.close();
      }
    } else {
      await migrateDatabase(database);
    }
    await contactTaxonomySeeder(database.db);
    await riskLexiconSeeder(database.db);
    await refreshRiskLexicon(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = buildServices(config, database, overrides);
  const features = overrides.features ?? registeredFeatures;
  const { app } = createApp(services, features);
  const httpServer = createServer(app.callback());
  httpServer.keepAliveTimeout = 5000;
  answerClientErrors(httpServer);
  const { io, realtime, closeAdapter } = await attachSocketServer(httpServer, services, database.pgPool, [presenceSocket, ...socketFeaturesOf(features)]);
  services.realtime = realtime;
  const stopJobs = [...backgroundJobsOf(features), presenceHeartbeat(io)].map((job) => job(services));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    port,
    services,
    io,
    httpServer,
    database,
    stop() {
      stopping ??= (async () => {
        for (const stop of stopJobs) stop();
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          httpServer.closeIdleConnections();
          setTimeout(() => httpServer.closeAllConnections(), 5000).unref();
        });
        await closeAdapter();
        await database.close();
      })();
      return stopping;
    },
  };
}
