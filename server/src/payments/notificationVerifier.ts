import { decryptResource, ResourceDecryptError, signedMessage, verifyPlatformSignature } from "./wechatPayCrypto";
import type { WechatPayConfig } from "./wechatPayConfig";

/** Why a notification was refused; the route answers 400/401 and WeChat Pay retries a genuine one later. */
export class NotificationRefused extends Error {
  override name = "NotificationRefused";
  constructor(readonly reason: "signature" | "timestamp" | "serial" | "envelope" | "ciphertext" | "replay" | "mismatch", message: string) {
    super(message);
  }
}

export interface VerifiedNotification {
  id: string;
  eventType: string;
  nonce: string;
  timestamp: Date;
  /** The decrypted resource, parsed. */
  resource: Record<string, unknown>;
}

const windowSeconds = 300;

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/**
 * Checks a WeChat Pay notification over its RAW body (the bytes that were signed, never a re-serialised
 * JSON): platform serial, signature, a ±5-minute timestamp window, then AES-256-GCM with the tag checked.
 * Nonce replay is refused afterwards by the database (notificationNonces.ts), inside the state change.
 */
export function verifyNotification(props: { config: WechatPayConfig; now: Date; headers: Record<string, string | string[] | undefined>; rawBody: string }): VerifiedNotification {
  const timestamp = header(props.headers, "wechatpay-timestamp");
  const nonce = header(props.headers, "wechatpay-nonce");
  const signature = header(props.headers, "wechatpay-signature");
  const serial = header(props.headers, "wechatpay-serial");
  if (serial !== props.config.platformSerial) throw new NotificationRefused("serial", "unknown platform serial");
  if (!/^\d{1,12}$/.test(timestamp) || !nonce || nonce.length > 64) throw new NotificationRefused("envelope", "missing timestamp or nonce");
  if (Math.abs(props.now.getTime() / 1000 - Number(timestamp)) > windowSeconds) throw new NotificationRefused("timestamp", "timestamp outside the 5-minute window");
  if (!verifyPlatformSignature({ publicKey: props.config.platformPublicKey, message: signedMessage(timestamp, nonce, props.rawBody), signature })) {
    throw new NotificationRefused("signature", "signature not verified");
  }
  let envelope: { id?: unknown; event_type?: unknown; resource?: { algorithm?: unknown; ciphertext?: unknown; nonce?: unknown; associated_data?: unknown } };
  try {
    envelope = JSON.parse(props.rawBody) as typeof envelope;
  } catch {
    throw new NotificationRefused("envelope", "body is not JSON");
  }
  const resource = envelope.resource;
  if (typeof envelope.id !== "string" || typeof envelope.event_type !== "string" || !resource || resource.algorithm !== "AEAD_AES_256_GCM" || typeof resource.ciphertext !== "string" || typeof resource.nonce !== "string") {
    throw new NotificationRefused("envelope", "malformed notification");
  }
  let plaintext: string;
  try {
    plaintext = decryptResource({ apiV3Key: props.config.apiV3Key, ciphertext: resource.ciphertext, nonce: resource.nonce, associatedData: typeof resource.associated_data === "string" ? resource.associated_data : "" });
  } catch (error) {
    if (error instanceof ResourceDecryptError) throw new NotificationRefused("ciphertext", "resource failed authentication");
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    throw new NotificationRefused("envelope", "resource is not JSON");
  }
  if (!parsed || typeof parsed !== "object") throw new NotificationRefused("envelope", "resource is not an object");
  return { id: envelope.id, eventType: envelope.event_type, nonce, timestamp: new Date(Number(timestamp) * 1000), resource: parsed as Record<string, unknown> };
}
