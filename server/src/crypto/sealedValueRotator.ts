import { and, asc, eq, getTableColumns, gt, isNotNull, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/database";
import { recordAudit, systemOrigin, type AuditOrigin } from "../audit/recordAudit";
import type { FieldCipher } from "./fieldCipher";
import { allSealedColumns, type SealedColumn } from "./sealedColumns";

export interface ColumnRotation {
  table: string;
  column: string;
  /** Values re-sealed with the newest key, bound to their place. */
  resealed: number;
  /** Values already sealed with the newest key at their place (left as they are: a second run resumes where the first stopped). */
  current: number;
  /** Values that do not open at their place (tampered, moved, unknown key): left untouched and named by row id. */
  broken: Array<string | number>;
}

export interface RotationReport {
  columns: ColumnRotation[];
  resealed: number;
  current: number;
  broken: number;
}

/**
 * Re-seals every sealed value (`sealedColumns.ts`) with the newest key and its place, table by table in
 * batches of `batchSize` rows, each batch one transaction holding its rows' locks. Values already current
 * are checked and left, so a run stopped half way is resumed by running it again (and every run is also an
 * integrity sweep). Values that do not open are never
 * rewritten (that would launder a moved ciphertext): they are counted and their row ids reported. Each
 * column's result and the whole run are audited (counts and row ids, never content).
 */
export async function sealedValueRotator(props: {
  db: DbOrTx;
  cipher: FieldCipher;
  batchSize?: number;
  origin?: AuditOrigin;
  columns?: ReadonlyArray<SealedColumn<Record<string, unknown>>>;
  onColumn?: (result: ColumnRotation) => void;
}): Promise<RotationReport> {
  const { db, cipher } = props;
  const batchSize = props.batchSize ?? 500;
  const origin = props.origin ?? systemOrigin;
  const report: RotationReport = { columns: [], resealed: 0, current: 0, broken: 0 };

  await recordAudit(db, origin, { action: "keys.rotate.start", detail: { columns: (props.columns ?? allSealedColumns).length, batchSize } });
  for (const sealedColumn of props.columns ?? allSealedColumns) {
    const result: ColumnRotation = { table: sealedColumn.tableName, column: sealedColumn.columnName, resealed: 0, current: 0, broken: [] };
    const columns = getTableColumns(sealedColumn.table) as Record<string, PgColumn>;
    const idColumn = columns.id!;
    const selection: Record<string, PgColumn> = { id: idColumn, value: sealedColumn.column };
    for (const key of sealedColumn.keyFields) selection[key] = columns[key]!;
    let after: string | number | null = null;
    for (;;) {
      const done: boolean = await db.transaction(async (tx) => {
        const conditions: SQL[] = [isNotNull(sealedColumn.column)];
        if (after !== null) conditions.push(gt(idColumn, after));
        const rows = (await tx
          .select(selection)
          .from(sealedColumn.table)
          .where(and(...conditions))
          .orderBy(asc(idColumn))
          .limit(batchSize)
          .for("update")) as Array<Record<string, unknown> & { id: string | number; value: string }>;
        for (const row of rows) {
          const place = sealedColumn.at(row);
          const plaintext = cipher.decryptOrNull(row.value, place);
          if (plaintext === null) {
            result.broken.push(row.id);
            continue;
          }
          if (cipher.isCurrent(row.value)) {
            result.current += 1;
            continue;
          }
          // only if unchanged since read (the row is locked; the guard keeps a concurrent writer's value in any case)
          await tx
            .update(sealedColumn.table)
            .set({ [sealedColumn.field]: cipher.encrypt(plaintext, place) })
            .where(and(eq(idColumn, row.id), eq(sealedColumn.column, row.value)));
          result.resealed += 1;
        }
        if (rows.length > 0) after = rows[rows.length - 1]!.id;
        return rows.length < batchSize;
      });
      if (done) break;
    }
    await recordAudit(db, origin, { action: "keys.rotate.column", targetType: "sealed_column", targetId: `${result.table}.${result.column}`, detail: { resealed: result.resealed, current: result.current, broken: result.broken.slice(0, 100), brokenCount: result.broken.length } });
    report.columns.push(result);
    report.resealed += result.resealed;
    report.current += result.current;
    report.broken += result.broken.length;
    props.onColumn?.(result);
  }
  await recordAudit(db, origin, { action: "keys.rotate.finish", detail: { resealed: report.resealed, current: report.current, broken: report.broken } });
  return report;
}
