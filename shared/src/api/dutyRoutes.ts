import { defineRoute } from "./contract";
import { setDutyBody, transferTargetsQuery } from "../duty";

export const dutyRoutes = {
  getDuty: defineRoute({ method: "get", path: "/duty", summary: "我的值班状态", tag: "duty", audience: "staff", roles: ["counsellor", "supervisor"] }),
  setDuty: defineRoute({ method: "put", path: "/duty", summary: "上岗 / 下岗", tag: "duty", audience: "staff", roles: ["counsellor", "supervisor"], body: setDutyBody }),
  transferTargets: defineRoute({ method: "get", path: "/duty/colleagues", summary: "可转接的值班同事（在岗、在线，含当前接待量）", tag: "duty", audience: "staff", roles: ["counsellor", "supervisor"], query: transferTargetsQuery }),
} as const;
