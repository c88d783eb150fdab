import { uuid } from "@xinyuan/shared";
import { ValidationError } from "./errors";

/**
 * A uuid path parameter (`:id` by default, or e.g. `:earlierId`), checked before it reaches a uuid column
 * (where a malformed value would be a database error, not bad input): 400 with the error shape.
 */
export function idOf(params: Record<string, string | undefined>, name = "id"): string {
  const parsed = uuid.safeParse(params[name]);
  if (!parsed.success) throw ValidationError({ fields: [{ path: name, message: "编号格式不正确" }] }, "编号格式不正确");
  return parsed.data;
}
