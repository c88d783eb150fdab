import { createDecipheriv, createVerify } from "node:crypto";

/** The text WeChat Pay signs on responses and notifications: timestamp, nonce and the raw body, each + "\n". */
export function signedMessage(timestamp: string, nonce: string, rawBody: string): string {
  return `${timestamp}\n${nonce}\n${rawBody}\n`;
}

/** SHA256-with-RSA check of a base64 signature with the platform public key; false on any malformed input. */
export function verifyPlatformSignature(props: { publicKey: string; message: string; signature: string }): boolean {
  try {
    return createVerify("RSA-SHA256").update(props.message).verify(props.publicKey, props.signature, "base64");
  } catch {
    return false;
  }
}

export class ResourceDecryptError extends Error {
  override name = "ResourceDecryptError";
}

/**
 * AES-256-GCM decrypt of a notification resource with the APIv3 key. Unlike the library's decipher_gcm,
 * final() runs, so a flipped byte or a wrong tag throws instead of yielding altered plaintext.
 */
export function decryptResource(props: { apiV3Key: string; ciphertext: string; nonce: string; associatedData: string }): string {
  const data = Buffer.from(props.ciphertext, "base64");
  if (data.length <= 16) throw new ResourceDecryptError("ciphertext too short");
  const tag = data.subarray(data.length - 16);
  const body = data.subarray(0, data.length - 16);
  try {
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(props.apiV3Key, "utf8"), Buffer.from(props.nonce, "utf8"));
    decipher.setAuthTag(tag);
    decipher.setAAD(Buffer.from(props.associatedData, "utf8"));
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new ResourceDecryptError("authentication tag mismatch");
  }
}
