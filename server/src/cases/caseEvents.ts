import type { CaseEventKind } from "@xinyuan/shared";
import { caseEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { sealed } from "../crypto/sealedColumns";
import { sql } from "drizzle-orm";

/** One timeline entry: what happened, who did it (null: the system), when; the free-text note encrypted. */
export async function appendCaseEvent(
  tx: DbOrTx,
  cipher: FieldCipher,
  entry: { caseId: string; kind: CaseEventKind; actorId: string | null; at: Date; note?: string; detail?: Record<string, unknown> },
): Promise<void> {
  // the note is sealed to its row: a noted event takes its id from the sequence before the insert
  const id = entry.note ? await nextCaseEventId(tx) : undefined;
  await tx.insert(caseEvents).values({
    ...(id === undefined ? {} : { id }),
    caseId: entry.caseId,
    kind: entry.kind,
    actorId: entry.actorId,
    at: entry.at,
    noteEnc: entry.note ? cipher.encrypt(entry.note, sealed.caseEventNote.at({ id: id! })) : null,
    detail: entry.detail ?? {},
  });
}

async function nextCaseEventId(tx: DbOrTx): Promise<number> {
  const result = await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('case_events', 'id')) AS id`);
  const rows = (result as unknown as { rows: Array<{ id: string | number }> }).rows;
  return Number(rows[0]!.id);
}
