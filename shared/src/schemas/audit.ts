import { z } from "zod";
import { isoDateTime, pageQuery, uuid } from "./common";

export const listAuditQuery = pageQuery.extend({
  actorId: uuid.optional(),
  action: z.string().trim().max(60).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(64).optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
});
