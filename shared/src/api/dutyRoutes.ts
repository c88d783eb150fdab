import { defineRoute } from "./contract";
import { setDutyBody } from "../duty";

export const dutyRoutes = {
  getDuty: defineRoute({ method: "get", path: "/duty", summary: "我的值班状态", tag: "duty", audience: "staff", roles: ["counsellor", "supervisor"] }),
  setDuty: defineRoute({ method: "put", path: "/duty", summary: "上岗 / 下岗", tag: "duty", audience: "staff", roles: ["counsellor", "supervisor"], body: setDutyBody }),
} as const;
