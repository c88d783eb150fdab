/** Staff roles of the web admin. A staff member may hold several. */
export const staffRoles = ["centre_admin", "supervisor", "counsellor", "editor", "reviewer", "expert"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Record<StaffRole, string> = {
  centre_admin: "中心管理员",
  supervisor: "督导",
  counsellor: "咨询师",
  editor: "编辑",
  reviewer: "审核员",
  expert: "专家",
};

/** Where a staff member works: the whole county, one area (片区) or one school. county > area > school. */
export const scopeLevels = ["county", "area", "school"] as const;
export type ScopeLevel = (typeof scopeLevels)[number];

export const scopeLevelLabels: Record<ScopeLevel, string> = {
  county: "县级",
  area: "片区",
  school: "学校",
};

export interface StaffScope {
  level: ScopeLevel;
  areaId: string | null;
  schoolId: string | null;
}

/** Mini-program users are students or parents. */
export const userRoles = ["student", "parent"] as const;
export type UserRole = (typeof userRoles)[number];

export const userRoleLabels: Record<UserRole, string> = { student: "学生", parent: "家长" };

/** Age bands, as a contact states them (CHI reporting). Under-14 needs guardian consent. */
export const ageBands = ["under_10", "10_13", "14_17", "18_plus"] as const;
export type AgeBand = (typeof ageBands)[number];

export const ageBandLabels: Record<AgeBand, string> = {
  under_10: "10 岁以下",
  "10_13": "10–13 岁",
  "14_17": "14–17 岁",
  "18_plus": "18 岁及以上",
};

export function needsGuardianConsent(band: AgeBand): boolean {
  return band === "under_10" || band === "10_13";
}

export const schoolStages = ["primary", "junior", "senior", "nine_year", "twelve_year", "vocational", "special"] as const;
export type SchoolStage = (typeof schoolStages)[number];

export const schoolStageLabels: Record<SchoolStage, string> = {
  primary: "小学",
  junior: "初中",
  senior: "高中",
  nine_year: "九年一贯制",
  twelve_year: "十二年一贯制",
  vocational: "职业学校",
  special: "特殊教育学校",
};
