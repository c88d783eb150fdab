import { and, asc, eq } from "drizzle-orm";
import { letterMessages, letters } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { LetterRow } from "./lettersPolicy";
import { sealed } from "../crypto/sealedColumns";

export type LetterMessageRow = typeof letterMessages.$inferSelect;

/**
 * Appends one line to a letter's thread. The caller holds the letter's row lock; (letter, sender type,
 * client id) is unique, so a resend after a lost answer returns the stored line instead of a second one.
 */
export async function appendLetterMessage(
  tx: DbOrTx,
  cipher: FieldCipher,
  letter: LetterRow,
  line: { senderType: "writer" | "staff" | "system"; staffId?: string | null; clientMessageId: string; body: string; riskLevel?: string | null; now: Date },
): Promise<{ message: LetterMessageRow; duplicate: boolean }> {
  const [existing] = await tx
    .select()
    .from(letterMessages)
    .where(and(eq(letterMessages.letterId, letter.id), eq(letterMessages.senderType, line.senderType), eq(letterMessages.clientMessageId, line.clientMessageId)))
    .limit(1);
  if (existing) return { message: existing, duplicate: true };
  const [current] = await tx.select({ lastSeq: letters.lastSeq }).from(letters).where(eq(letters.id, letter.id));
  const seq = current!.lastSeq + 1;
  await tx.update(letters).set({ lastSeq: seq }).where(eq(letters.id, letter.id));
  const [message] = await tx
    .insert(letterMessages)
    .values({ letterId: letter.id, seq, senderType: line.senderType, staffId: line.staffId ?? null, clientMessageId: line.clientMessageId, bodyEnc: cipher.encrypt(line.body, sealed.letterMessageBody.at({ letterId: letter.id, seq })), riskLevel: line.riskLevel ?? null, createdAt: line.now })
    .returning();
  return { message: message!, duplicate: false };
}

export async function letterThread(db: DbOrTx, letterId: string): Promise<LetterMessageRow[]> {
  return db.select().from(letterMessages).where(eq(letterMessages.letterId, letterId)).orderBy(asc(letterMessages.seq));
}
