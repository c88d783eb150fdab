import type { Audience } from "@xinyuan/shared";

/** Who is reading: a mini-program user (role and school known once they set their profile) or nobody. */
export interface Reader {
  role: "student" | "parent" | null;
  schoolId: string | null;
  areaId: string | null;
  stage: string | null;
}

export const anonymousReader: Reader = { role: null, schoolId: null, areaId: null, stage: null };

/**
 * Whether content reaches this reader. Empty lists mean "everyone". A reader whose role or school is
 * unknown sees only what is meant for everyone in the county; stage limits apply to students.
 */
export function audienceIncludes(audience: Audience, reader: Reader): boolean {
  if (audience.roles.length > 0 && (!reader.role || !audience.roles.includes(reader.role))) return false;
  if (audience.stages.length > 0) {
    if (reader.role !== "parent" && (!reader.stage || !audience.stages.includes(reader.stage as (typeof audience.stages)[number]))) return false;
  }
  if (audience.scope === "area") return reader.areaId !== null && audience.areaIds.includes(reader.areaId);
  if (audience.scope === "schools") return reader.schoolId !== null && audience.schoolIds.includes(reader.schoolId);
  return true;
}
