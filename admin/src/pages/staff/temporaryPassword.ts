/**
 * Reads the one-time temporary password from a create or reset answer. The server sends it once, either
 * at the top level (`{ temporaryPassword }`) or next to the account (`{ staff, temporaryPassword }`).
 */
export function temporaryPasswordOf(answer: unknown): string | null {
  if (typeof answer !== "object" || answer === null) return null;
  const value = (answer as { temporaryPassword?: unknown }).temporaryPassword;
  return typeof value === "string" && value.length > 0 ? value : null;
}
