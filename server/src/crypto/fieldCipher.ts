import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Where a sealed value lives: its table, column and row. The place is AES-GCM additional data, so a
 * ciphertext copied to another row, column or table no longer opens. Made by `sealedColumns.ts`
 * (`sealed.chatMessageBody.at(row)`), never by hand at a call site.
 */
export interface SealPlace {
  readonly aad: string;
}

/**
 * AES-256-GCM for sensitive columns. A stored value is `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64url),
 * the place (table.column:row) bound in as additional data. The first configured key encrypts, every
 * configured key still decrypts, so keys can rotate (`npm run keys:rotate` re-seals every value).
 *
 * `v1.` values (written before places were bound) still open while `legacyReadable` is on; once the
 * rotation has re-sealed everything, FIELD_ENCRYPTION_LEGACY=refuse turns them away too.
 */
export interface FieldCipher {
  encrypt(plaintext: string, place: SealPlace): string;
  decrypt(stored: string, place: SealPlace): string;
  /** As decrypt, but null (and `onBroken` told) when the value does not open here — for lists where one bad row must not hide the rest. */
  decryptOrNull(stored: string, place: SealPlace): string | null;
  /** The key id a stored value was written with. */
  keyIdOf(stored: string): string;
  /** True when the value is sealed with the newest key and bound to its place (nothing for rotation to do). */
  isCurrent(stored: string): boolean;
}

/** A sealed value that does not open where it was read: tampered, moved from another row, or an unknown key. */
export class SealBrokenError extends Error {
  constructor(message: string, readonly place: string) {
    super(`${message} (${place})`);
    this.name = "SealBrokenError";
  }
}

const placeBytes = (place: SealPlace) => Buffer.from(`xinyuan/${place.aad}`, "utf8");

export function createFieldCipher(keys: Array<{ id: string; key: Buffer }>, options: { legacyReadable?: boolean; onBroken?: (error: SealBrokenError) => void } = {}): FieldCipher {
  const newest = keys[0];
  if (!newest) throw new Error("at least one field encryption key is required");
  const byId = new Map(keys.map((entry) => [entry.id, entry.key]));
  const legacyReadable = options.legacyReadable ?? true;

  const cipher: FieldCipher = {
    encrypt(plaintext, place) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
      cipher.setAAD(placeBytes(place));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ["v2", newest.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },
    decrypt(stored, place) {
      const [version, keyId, iv, tag, ciphertext] = stored.split(".");
      if ((version !== "v1" && version !== "v2") || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) throw new SealBrokenError("not an encrypted field value", place.aad);
      if (version === "v1" && !legacyReadable) throw new SealBrokenError("unbound v1 value refused", place.aad);
      const key = byId.get(keyId);
      if (!key) throw new SealBrokenError(`unknown field key id ${keyId}`, place.aad);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        if (version === "v2") decipher.setAAD(placeBytes(place));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SealBrokenError("sealed value does not open here", place.aad);
      }
    },
    decryptOrNull(stored, place) {
      try {
        return cipher.decrypt(stored, place);
      } catch (error) {
        if (!(error instanceof SealBrokenError)) throw error;
        options.onBroken?.(error);
        return null;
      }
    },
    keyIdOf(stored) {
      return stored.split(".")[1] ?? "";
    },
    isCurrent(stored) {
      return stored.startsWith(`v2.${newest.id}.`);
    },
  };
  return cipher;
}
