/**
 * npm run keys:rotate — re-seals every encrypted column with the newest key of FIELD_ENCRYPTION_KEYS and
 * binds each value to its table, column and row (server/src/crypto/sealedColumns.ts). Resumable: values
 * already current are skipped, so run it again after an interruption. Batches of KEYS_ROTATE_BATCH rows
 * (default 500), each one transaction. Audited (keys.rotate.*). Safe while the service runs.
 * Uses DATABASE_URL (PostgreSQL) or DATA_DIR (the demo's PGlite folder; stop the demo first).
 * Exit code 0: every value current; 1: some values do not open (tampered or moved; named in the audit log); 2: could not run.
 */
import { loadConfig } from "../server/src/config";
import { openDatabase } from "../server/src/db/openDatabase";
import { createFieldCipher } from "../server/src/crypto/fieldCipher";
import { sealedValueRotator } from "../server/src/crypto/sealedValueRotator";

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || "./data" });
  try {
    // rotation must open the old v1 values whatever FIELD_ENCRYPTION_LEGACY says
    const cipher = createFieldCipher(config.fieldKeys, { legacyReadable: true });
    const batchSize = Number(process.env.KEYS_ROTATE_BATCH || 500);
    const report = await sealedValueRotator({
      db: database.db,
      cipher,
      batchSize,
      origin: { actorType: "system", actorId: null, ip: null, requestId: "keys:rotate" },
      onColumn: (column) => console.log(`${column.table}.${column.column}：重新加密 ${column.resealed} 条，已是新密钥 ${column.current} 条${column.broken.length ? `，无法解开 ${column.broken.length} 条（行 ${column.broken.slice(0, 10).join(", ")}）` : ""}`),
    });
    console.log(`完成：以密钥 ${config.fieldKeys[0]!.id} 重新加密 ${report.resealed} 条，已是新密钥 ${report.current} 条，无法解开 ${report.broken} 条。`);
    if (report.broken > 0) {
      console.log("有无法解开的值：它们被改动过或被挪到了别的行，未被改写。请查看审计日志 keys.rotate.column 的行号后人工处理。");
      return 1;
    }
    console.log(`全部为新格式。旧密钥可以从 FIELD_ENCRYPTION_KEYS 中移除，并可设置 FIELD_ENCRYPTION_LEGACY=refuse。`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("无法完成密钥轮换:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
