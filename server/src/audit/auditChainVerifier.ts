import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/database";

export type AuditChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: { id: number; chainSeq: number | null }; reason: string };

interface ChainRow {
  id: string | number;
  chain_seq: string | number | null;
  prev_hash: string | null;
  row_hash: string | null;
  expected: string | null;
}

const pageSize = 5000;

/**
 * Walks the audit chain in chain order: each row's prev_hash must be the previous row's row_hash, its
 * row_hash must be the hash the database computes from its fields now (the same SQL function the insert
 * trigger uses), and chain_seq must count up without gaps. Names the first row where that fails.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditChainReport> {
  let previousHash = "";
  let previousSeq = 0;
  let rows = 0;
  for (;;) {
    const result = await db.execute(sql`
      SELECT id, chain_seq, prev_hash, row_hash,
             CASE WHEN chain_seq IS NULL OR prev_hash IS NULL THEN NULL ELSE audit_event_hash(prev_hash, chain_seq, audit_events) END AS expected
      FROM audit_events
      WHERE chain_seq IS NULL OR chain_seq > ${previousSeq}
      ORDER BY chain_seq NULLS FIRST, id
      LIMIT ${pageSize}`);
    const page = (result as unknown as { rows: ChainRow[] }).rows;
    for (const row of page) {
      const id = Number(row.id);
      const chainSeq = row.chain_seq === null ? null : Number(row.chain_seq);
      const broken = (reason: string): AuditChainReport => ({ ok: false, rows, brokenAt: { id, chainSeq }, reason });
      if (chainSeq === null || row.prev_hash === null || row.row_hash === null) return broken("row outside the chain (no sequence or hashes)");
      if (chainSeq !== previousSeq + 1) return broken(`sequence jumps from ${previousSeq} to ${chainSeq} (a row is missing)`);
      if (row.prev_hash !== previousHash) return broken("prev_hash does not match the previous row's hash");
      if (row.expected !== row.row_hash) return broken("row_hash does not match the row's contents");
      previousHash = row.row_hash;
      previousSeq = chainSeq;
      rows += 1;
    }
    if (page.length < pageSize) return { ok: true, rows };
  }
}
