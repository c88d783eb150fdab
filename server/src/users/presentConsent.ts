import type { ConsentKind, ConsentView, GuardianRelation } from "@xinyuan/shared";
import type { consents } from "../db/schema/index";

export type ConsentRow = typeof consents.$inferSelect;

/** A consent as its user sees it; the guardian's name stays encrypted and out of views. */
export function presentConsent(row: ConsentRow): ConsentView {
  return {
    kind: row.kind as ConsentKind,
    version: row.version,
    givenAt: row.givenAt.toISOString(),
    ...(row.guardianRelation ? { guardianRelation: row.guardianRelation as GuardianRelation } : {}),
    ...(row.method === "typed" || row.method === "invitation" ? { method: row.method } : {}),
  };
}
