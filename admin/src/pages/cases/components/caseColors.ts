import type { CaseLevel } from "@xinyuan/shared";

export const levelColor: Record<CaseLevel, string> = { attention: "gold", warning: "orange", crisis: "red" };
