import { z } from "zod";

export const updateSettingsBody = z.object({
  requireTotpForAllStaff: z.boolean().optional(),
});
