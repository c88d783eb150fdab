import { scopeLevelLabels, staffRoleLabels, type StaffView } from "@xinyuan/shared";

/** "片区 · 东片区" / "学校 · 渠县中学" / "县级": where a staff member works, for people to read. */
export function describeScope(scope: StaffView["scope"]): string {
  if (scope.level === "school") return `${scopeLevelLabels.school} · ${scope.schoolName ?? "未知学校"}`;
  if (scope.level === "area") return `${scopeLevelLabels.area} · ${scope.areaName ?? "未知片区"}`;
  return scopeLevelLabels.county;
}

export function describeRoles(roles: StaffView["roles"]): string {
  return roles.map((role) => staffRoleLabels[role]).join("、");
}
