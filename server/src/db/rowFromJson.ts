import { getTableColumns, type InferSelectModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * A table's row as Drizzle would return it, from that row's `row_to_json(...)` (snake_case keys,
 * timestamps as ISO text, arrays as JSON arrays). Lets one statement hand back whole rows inside a json
 * aggregate beside other results, the same way on node-postgres and PGlite. Each value goes through the
 * column's own driver mapping, so a Date is a Date and a text[] an array of strings.
 */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
