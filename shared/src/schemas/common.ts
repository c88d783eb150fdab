import { z } from "zod";

export const uuid = z.uuid({ error: "编号格式不正确" });
export const idParam = z.object({ id: uuid });

/** Standard list query: page from 1, pageSize up to 100, sort as `field` or `-field`. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.string().max(40).regex(/^-?[a-zA-Z]+$/).optional(),
});

export const trimmedText = (max: number, label: string) =>
  z.string().trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}不能超过 ${max} 个字` });
