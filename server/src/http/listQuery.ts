import { asc, desc, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ValidationError } from "./errors";

/**
 * Turns a `field` / `-field` sort parameter into ORDER BY terms over the columns a list allows, with the
 * id last so pages never overlap. An unknown field is bad input, not a silent default.
 */
export function orderByFrom(sort: string | undefined, columns: Record<string, AnyPgColumn>, fallback: string, id: AnyPgColumn): SQL[] {
  const wanted = sort ?? fallback;
  const descending = wanted.startsWith("-");
  const field = descending ? wanted.slice(1) : wanted;
  const column = columns[field];
  if (!column) {
    throw ValidationError({ fields: [{ path: "sort", message: `可排序字段：${Object.keys(columns).join("、")}` }] }, `不能按“${field}”排序`);
  }
  return [descending ? desc(column) : asc(column), descending ? desc(id) : asc(id)];
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}
