import { idParam } from "@xinyuan/shared";
import { ValidationError } from "./errors";

/**
 * The `:id` of a path, checked to be a UUID before it reaches a uuid column (where a malformed value
 * would be a database error, not bad input).
 */
export function idOf(params: Record<string, string>): string {
  const parsed = idParam.safeParse(params);
  if (!parsed.success) throw ValidationError({ fields: [{ path: "id", message: "编号格式不正确" }] }, "编号格式不正确");
  return parsed.data.id;
}
