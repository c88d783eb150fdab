import { z } from "zod";
import { ageBands, userRoles } from "../roles";
import { consentKinds, guardianRelations } from "../consent";
import { uuid } from "./common";

export const updateProfileBody = z.object({
  role: z.enum(userRoles).optional(),
  ageBand: z.enum(ageBands).optional(),
  schoolId: uuid.nullable().optional(),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBody>;

export const giveConsentBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal(consentKinds[0]), version: z.string().min(1).max(20) }),
  z.object({ kind: z.literal(consentKinds[1]), version: z.string().min(1).max(20) }),
  z.object({
    kind: z.literal(consentKinds[2]),
    version: z.string().min(1).max(20),
    guardianRelation: z.enum(guardianRelations),
    /** The guardian confirms by typing their name; stored encrypted. */
    guardianName: z.string().trim().min(1, { error: "请监护人填写姓名" }).max(20),
  }),
]);
export type GiveConsentBody = z.infer<typeof giveConsentBody>;
