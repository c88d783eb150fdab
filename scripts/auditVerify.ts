/**
 * npm run audit:verify — checks the audit log's hash chain and names the first broken row.
 * Uses DATABASE_URL (PostgreSQL) or DATA_DIR (the demo's PGlite folder; stop the demo first).
 * Exit code 0: intact; 1: broken; 2: could not check.
 */
import { openDatabase } from "../server/src/db/openDatabase";
import { verifyAuditChain } from "../server/src/audit/auditChainVerifier";

async function main(): Promise<number> {
  // The owner's URL when the application runs as a role without rights on the chain head (reading is enough either way).
  const databaseUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await openDatabase({ databaseUrl, dataDir: process.env.DATA_DIR || "./data" });
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(`审计日志完整：${report.rows} 条记录的哈希链校验通过。`);
      return 0;
    }
    console.log(`审计日志被改动过：第一处断裂在 id=${report.brokenAt.id}（链序号 ${report.brokenAt.chainSeq ?? "无"}）：${report.reason}。此前 ${report.rows} 条记录校验通过。`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("无法校验审计日志:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
