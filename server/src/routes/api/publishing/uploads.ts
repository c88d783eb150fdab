import { and, eq } from "drizzle-orm";
import { apiRoutes, type UploadView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { NotFoundError } from "../../../http/errors";
import { originOf } from "../../../audit/recordAudit";
import { publishingUploads } from "../../../db/schema";
import { uploadStorer } from "../../../publishing/uploadStorer";
import { uploadStorageOf } from "../../../publishing/uploadStorage";
import { uploadUrl } from "../../../publishing/presentPublication";
import { reportPhotoUrl } from "../../../publishing/activityReportViews";
import { reportPhotoReader } from "../../../publishing/reportPhotoReader";
import { staffOf } from "./staffOf";

/**
 * Uploads: raw request body with its Content-Type (the JSON body parser leaves other types alone).
 * Content uploads are public files; activity-report photos are read through getReportPhoto only.
 */
export function mountUploadRoutes(router: AppRouter): void {
  mountRoute(
    router,
    apiRoutes.createUpload,
    async (ctx, { query }): Promise<UploadView> => {
      const length = ctx.get("content-length");
      const row = await uploadStorer({
        services: ctx.services,
        actor: staffOf(ctx),
        purpose: query.purpose,
        contentType: ctx.get("content-type"),
        declaredLength: length ? Number(length) : null,
        body: ctx.req,
        origin: originOf(ctx),
      });
      ctx.status = 201;
      const url = row.purpose === "activity_report" ? reportPhotoUrl(row.id) : uploadUrl(row.id)!;
      return { id: row.id, purpose: row.purpose, url, mime: row.mime, size: row.size, width: row.width, height: row.height };
    },
    { rateLimit: { name: "publishing-upload", limit: 60, windowSeconds: 60 } },
  );

  mountRoute(router, apiRoutes.getUpload, async (ctx, { params }) => {
    const [row] = await ctx.services.db.select().from(publishingUploads).where(and(eq(publishingUploads.id, idOf(params)), eq(publishingUploads.purpose, "content"))).limit(1);
    const file = row ? await uploadStorageOf(ctx.services).open(row.storageKey) : null;
    if (!row || !file) throw NotFoundError("UPLOAD_NOT_FOUND");
    ctx.set("Cache-Control", "public, max-age=31536000, immutable");
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.type = row.mime;
    ctx.length = file.size;
    return file.stream;
  });

  mountRoute(router, apiRoutes.getReportPhoto, async (ctx, { params }) => {
    const { mime, file } = await reportPhotoReader({ services: ctx.services, actor: staffOf(ctx), uploadId: idOf(params), origin: originOf(ctx) });
    ctx.set("Cache-Control", "private, no-store");
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.type = mime;
    ctx.length = file.size;
    return file.stream;
  });
}
