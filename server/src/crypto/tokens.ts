import { createHash, randomBytes } from "node:crypto";

/** Session tokens are random; only their SHA-256 is stored, so a database leak reveals no usable token. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
