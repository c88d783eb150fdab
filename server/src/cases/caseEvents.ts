import type { CaseEventKind } from "@xinyuan/shared";
import { caseEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";

/** One timeline entry: what happened, who did it (null: the system), when; the free-text note encrypted. */
export async function appendCaseEvent(
  tx: DbOrTx,
  cipher: FieldCipher,
  entry: { caseId: string; kind: CaseEventKind; actorId: string | null; at: Date; note?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: entry.caseId,
    kind: entry.kind,
    actorId: entry.actorId,
    at: entry.at,
    noteEnc: entry.note ? cipher.encrypt(entry.note) : null,
    detail: entry.detail ?? {},
  });
}
