import { inArray } from "drizzle-orm";
import { publishingUploads } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { ValidationError } from "../http/errors";

/**
 * Covers and banners must be public content images and a video an uploaded MP4: an activity-report photo
 * (staff-only, may show children) can never be put in front of readers by naming its id. A missing
 * upload (foreign key) or a wrong one answers 400 with a Chinese message instead of a database error.
 */
export async function requireContentUploads(tx: DbOrTx, wanted: { images: Array<string | null | undefined>; videos: Array<string | null | undefined> }): Promise<void> {
  const images = wanted.images.filter((id): id is string => Boolean(id));
  const videos = wanted.videos.filter((id): id is string => Boolean(id));
  const ids = [...new Set([...images, ...videos])];
  if (ids.length === 0) return;
  const rows = await tx.select({ id: publishingUploads.id, mime: publishingUploads.mime, purpose: publishingUploads.purpose }).from(publishingUploads).where(inArray(publishingUploads.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const fits = (id: string, kind: "image/" | "video/") => {
    const row = byId.get(id);
    return row !== undefined && row.purpose === "content" && row.mime.startsWith(kind);
  };
  if (!images.every((id) => fits(id, "image/")) || !videos.every((id) => fits(id, "video/"))) {
    throw ValidationError(undefined, "封面、横幅或视频没有上传成功，请重新上传。");
  }
}
