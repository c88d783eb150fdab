import type { AreaView, SchoolStage, SchoolView } from "@xinyuan/shared";
import type { areas, schools } from "../db/schema/index";

export interface AreaRecord {
  area: typeof areas.$inferSelect;
  centreSchoolName: string | null;
  schoolCount: number;
}

export function presentArea(record: AreaRecord): AreaView {
  return {
    id: record.area.id,
    name: record.area.name,
    centreSchoolId: record.area.centreSchoolId,
    centreSchoolName: record.centreSchoolName,
    schoolCount: Number(record.schoolCount),
  };
}

export interface SchoolRecord {
  school: typeof schools.$inferSelect;
  areaName: string;
}

export function presentSchool(record: SchoolRecord): SchoolView {
  const { school } = record;
  return {
    id: school.id,
    name: school.name,
    stage: school.stage as SchoolStage,
    areaId: school.areaId,
    areaName: record.areaName,
    hasFullTimeCounsellor: school.hasFullTimeCounsellor,
  };
}
