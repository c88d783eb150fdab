import { asc } from "drizzle-orm";
import type { ContactCategoryTreeView, ContactCategoryView } from "@xinyuan/shared";
import { contactCategories } from "../db/schema";
import type { DbOrTx } from "../db/database";

type CategoryRow = typeof contactCategories.$inferSelect;

export function presentContactCategory(row: CategoryRow): ContactCategoryView {
  return { id: row.id, code: row.code, name: row.name, parentId: row.parentId, sortOrder: row.sortOrder, active: row.active };
}

/** The taxonomy as a tree in display order; inactive categories only when asked (editing). */
export async function loadContactCategoryTree(db: DbOrTx, includeInactive: boolean): Promise<ContactCategoryTreeView[]> {
  const rows = await db.select().from(contactCategories).orderBy(asc(contactCategories.sortOrder), asc(contactCategories.name));
  const visible = rows.filter((row) => includeInactive || row.active);
  return visible
    .filter((row) => row.parentId === null)
    .map((parent) => ({ ...presentContactCategory(parent), children: visible.filter((row) => row.parentId === parent.id).map(presentContactCategory) }));
}
