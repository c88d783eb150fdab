import { createHmac } from "node:crypto";

/** Keyed hash (HMAC-SHA256) of an external identity such as a WeChat openid: stored instead of the value. */
export function createIdentityHasher(key: string) {
  return (kind: string, value: string): string => createHmac("sha256", key).update(`${kind}:${value}`).digest("hex");
}
export type IdentityHasher = ReturnType<typeof createIdentityHasher>;
