import { eq } from "drizzle-orm";
import { apiRoutes, type UploadView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { NotFoundError } from "../../../http/errors";
import { originOf } from "../../../audit/recordAudit";
import { publishingUploads } from "../../../db/schema";
import { uploadStorer } from "../../../publishing/uploadStorer";
import { uploadStorageOf } from "../../../publishing/uploadStorage";
import { uploadUrl } from "../../../publishing/presentPublication";
import { staffOf } from "./staffOf";

/** Uploads: raw request body with its Content-Type (the JSON body parser leaves other types alone). */
export function mountUploadRoutes(router: AppRouter): void {
  mountRoute(
    router,
    apiRoutes.createUpload,
    async (ctx): Promise<UploadView> => {
      const length = ctx.get("content-length");
      const row = await uploadStorer({
        services: ctx.services,
        actor: staffOf(ctx),
        contentType: ctx.get("content-type"),
        declaredLength: length ? Number(length) : null,
        body: ctx.req,
        origin: originOf(ctx),
      });
      ctx.status = 201;
      return { id: row.id, url: uploadUrl(row.id)!, mime: row.mime, size: row.size, width: row.width, height: row.height };
    },
    { rateLimit: { name: "publishing-upload", limit: 60, windowSeconds: 60 } },
  );

  mountRoute(router, apiRoutes.getUpload, async (ctx, { params }) => {
    const [row] = await ctx.services.db.select().from(publishingUploads).where(eq(publishingUploads.id, idOf(params))).limit(1);
    const file = row ? await uploadStorageOf(ctx.services).open(row.storageKey) : null;
    if (!row || !file) throw NotFoundError("UPLOAD_NOT_FOUND");
    ctx.set("Cache-Control", "public, max-age=31536000, immutable");
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.type = row.mime;
    ctx.length = file.size;
    return file.stream;
  });
}
