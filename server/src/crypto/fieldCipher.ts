import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for sensitive columns. A stored value is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url),
 * so keys can rotate: the first configured key encrypts, every configured key still decrypts.
 */
export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** The key id a stored value was written with. */
  keyIdOf(stored: string): string;
}

export function createFieldCipher(keys: Array<{ id: string; key: Buffer }>): FieldCipher {
  const newest = keys[0];
  if (!newest) throw new Error("at least one field encryption key is required");
  const byId = new Map(keys.map((entry) => [entry.id, entry.key]));

  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ["v1", newest.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },
    decrypt(stored) {
      const [version, keyId, iv, tag, ciphertext] = stored.split(".");
      if (version !== "v1" || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error("not an encrypted field value");
      const key = byId.get(keyId);
      if (!key) throw new Error(`unknown field key id ${keyId}`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
    keyIdOf(stored) {
      return stored.split(".")[1] ?? "";
    },
  };
}
