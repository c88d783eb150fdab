import { randomUUID } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import sharp, { type OutputInfo } from "sharp";
import { publishingUploads } from "../db/schema";
import type { Services } from "../services";
import { hasRole, type StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { uploadStorageOf } from "./uploadStorage";
import type { UploadPurpose } from "@xinyuan/shared";


export const maxImageBytes = 8 * 1024 * 1024;
export const maxVideoBytes = 100 * 1024 * 1024;
const maxImageSide = 1600;
const imageTypes: Record<string, { format: "jpeg" | "png" | "webp"; extension: string }> = {
  "image/jpeg": { format: "jpeg", extension: "jpg" },
  "image/png": { format: "png", extension: "png" },
  "image/webp": { format: "webp", extension: "webp" },
};

const tooLarge = () => new AppError(413, "UPLOAD_TOO_LARGE");
const badType = () => new AppError(415, "UPLOAD_TYPE_INVALID");

async function readAll(source: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sizeLimiter(limit: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limit ? tooLarge() : null, chunk);
    },
  });
}

/**
 * Stores an upload behind the storage interface. Images (JPEG/PNG/WebP ≤ 8 MB) are decoded, turned
 * upright, shrunk to at most 1600 px and re-encoded by sharp, which writes no metadata (EXIF, GPS,
 * camera serials are gone). Videos (MP4 ≤ 100 MB) are streamed to storage after their header is
 * checked. The declared type must match what the bytes are. Activity-report photos (purpose
 * 'activity_report') are images only and are never served publicly (see reportPhotoReader).
 */
export async function uploadStorer(props: { services: Services; actor: StaffActor; purpose: UploadPurpose; contentType: string; declaredLength: number | null; body: Readable; origin: AuditOrigin }) {
  const { services, actor, purpose, body, origin } = props;
  // Public content (covers, banners, article images, videos) comes from the content desk only.
  if (purpose === "content" && !hasRole(actor, "editor", "reviewer", "centre_admin")) throw new AppError(403, "UPLOAD_PURPOSE_FORBIDDEN");
  const mime = props.contentType.split(";")[0]!.trim().toLowerCase();
  const image = imageTypes[mime];
  if (purpose === "activity_report" && !image) throw new AppError(415, "UPLOAD_REPORT_PHOTO_IMAGE_ONLY");
  if (!image && mime !== "video/mp4") throw badType();
  const limit = image ? maxImageBytes : maxVideoBytes;
  if (props.declaredLength !== null && props.declaredLength > limit) throw tooLarge();
  const id = randomUUID();
  const storage = uploadStorageOf(services);
  let stored: { key: string; size: number; width: number | null; height: number | null };
  if (image) {
    const input = await readAll(body, limit);
    let output: { data: Buffer; info: OutputInfo };
    try {
      const metadata = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
      if (metadata.format !== image.format) throw badType();
      output = await sharp(input, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: maxImageSide, height: maxImageSide, fit: "inside", withoutEnlargement: true })
        .toFormat(image.format, image.format === "jpeg" ? { quality: 82, mozjpeg: true } : {})
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw badType();
    }
    const key = `${id}.${image.extension}`;
    await storage.put(key, output.data);
    stored = { key, size: output.data.length, width: output.info.width, height: output.info.height };
  } else {
    const key = `${id}.mp4`;
    let checked = false;
    const headerCheck = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (!checked) {
          checked = true;
          if (chunk.length < 8 || chunk.subarray(4, 8).toString("latin1") !== "ftyp") return callback(badType());
        }
        callback(null, chunk);
      },
    });
    await storage.putStream(key, body, sizeLimiter(limit), headerCheck);
    const opened = await storage.open(key);
    opened?.stream.destroy();
    stored = { key, size: opened?.size ?? 0, width: null, height: null };
  }
  const [row] = await services.db.transaction(async (tx) => {
    const rows = await tx.insert(publishingUploads).values({ id, storageKey: stored.key, mime, purpose, size: stored.size, width: stored.width, height: stored.height, uploadedBy: actor.id }).returning();
    await recordAudit(tx, origin, { action: "upload.create", targetType: "upload", targetId: id, detail: { mime, size: stored.size, purpose } });
    return rows;
  });
  return row!;
}
