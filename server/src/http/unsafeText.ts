import { hasUnsafeCharacters } from "@xinyuan/shared";
import { AppError } from "./errors";

const maxDepth = 32;

/** The path of the first string (value or key) holding a NUL byte or a lone surrogate, or null. */
export function unsafeTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return hasUnsafeCharacters(value) ? path.join(".") || "(root)" : null;
  if (typeof value !== "object" || value === null || path.length > maxDepth) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (hasUnsafeCharacters(key)) return [...path, "(key)"].join(".");
    const found = unsafeTextPath(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a request whose body, query or path carries text no column can hold (NUL) or no screen can
 * show (half a surrogate pair): 400 UNSAFE_TEXT, before any schema, handler or database sees it.
 */
export function refuseUnsafeText(parts: Record<string, unknown>): void {
  for (const [part, value] of Object.entries(parts)) {
    const path = unsafeTextPath(value);
    if (path !== null) throw new AppError(400, "UNSAFE_TEXT", undefined, { fields: [{ path: `${part}.${path}`, message: "有无法识别的字符" }] });
  }
}
