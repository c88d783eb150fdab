import { eq } from "drizzle-orm";
import { publications } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { NotFoundError } from "../http/errors";

/** The publication row under FOR UPDATE, so transitions and sign-ups on one item run one at a time. */
export async function lockPublication(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(publications).where(eq(publications.id, id)).for("update").limit(1);
  if (!row) throw NotFoundError("PUBLICATION_NOT_FOUND");
  return row;
}
