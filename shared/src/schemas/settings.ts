import { z } from "zod";
import { staffRoles } from "../roles";

export const updateSettingsBody = z.object({
  requireTotpForAllStaff: z.boolean().optional(),
  requireTotpForRoles: z.array(z.enum(staffRoles)).max(staffRoles.length).optional(),
  allowTypedGuardianConsent: z.boolean().optional(),
});
