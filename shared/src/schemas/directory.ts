import { z } from "zod";
import { schoolStages } from "../roles";
import { pageQuery, uuid } from "./common";

export const createAreaBody = z.object({
  name: z.string().trim().min(1, { error: "请填写片区名称" }).max(40),
  centreSchoolId: uuid.nullable().default(null),
});
export const updateAreaBody = createAreaBody.partial();

export const createSchoolBody = z.object({
  name: z.string().trim().min(1, { error: "请填写学校名称" }).max(60),
  stage: z.enum(schoolStages),
  areaId: uuid,
  hasFullTimeCounsellor: z.boolean().default(false),
});
export const updateSchoolBody = createSchoolBody.partial();

export const listSchoolsQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  areaId: uuid.optional(),
  stage: z.enum(schoolStages).optional(),
});

export const publicSchoolsQuery = z.object({
  q: z.string().trim().max(40).optional(),
  areaId: uuid.optional(),
});
