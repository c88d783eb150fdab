import { inArray } from "drizzle-orm";
import { contactCategories } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { defaultContactCategories, type DefaultCategory } from "./defaultContactCategories";

/**
 * Loads the default taxonomy into contact_categories: inserts only codes the table lacks (ON CONFLICT DO
 * NOTHING), so it is safe on every start, with several processes starting at once, and never undoes the
 * county centre's edits (renames, order, deactivation). Returns how many rows it added.
 */
export async function contactTaxonomySeeder(db: DbOrTx, seed: DefaultCategory[] = defaultContactCategories): Promise<number> {
  let added = 0;
  const parents = await db
    .insert(contactCategories)
    .values(seed.map((category, index) => ({ code: category.code, name: category.name, sortOrder: (index + 1) * 10 })))
    .onConflictDoNothing({ target: contactCategories.code })
    .returning({ id: contactCategories.id });
  added += parents.length;
  const parentRows = await db
    .select({ id: contactCategories.id, code: contactCategories.code })
    .from(contactCategories)
    .where(inArray(contactCategories.code, seed.map((category) => category.code)));
  const parentIdByCode = new Map(parentRows.map((row) => [row.code, row.id]));
  const children = seed.flatMap((category) =>
    category.children.map((child, index) => ({ code: child.code, name: child.name, parentId: parentIdByCode.get(category.code) ?? null, sortOrder: (index + 1) * 10 })),
  );
  if (children.length > 0) {
    const inserted = await db.insert(contactCategories).values(children).onConflictDoNothing({ target: contactCategories.code }).returning({ id: contactCategories.id });
    added += inserted.length;
  }
  return added;
}
