import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { campaignBody } from "@xinyuan/shared";
import { campaigns } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { requireContentUploads } from "./contentUploads";
import { publishingChange } from "./publishingChange";

/** Creates (no id) or updates a campaign; the home and campaign pages of every process refresh. */
export async function campaignSaver(props: { services: Services; actor: StaffActor; id?: string; body: z.output<typeof campaignBody>; origin: AuditOrigin }) {
  const { services, actor, id, body, origin } = props;
  if (!publishingPolicy.canManageCampaigns(actor)) throw ForbiddenError();
  const values = {
    title: body.title,
    theme: body.theme,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    bannerUploadId: body.bannerUploadId ?? null,
    takeoverHome: body.takeoverHome,
    updatedAt: services.clock.now(),
  };
  return publishingChange(services, async (tx, changed) => {
    await requireContentUploads(tx, { images: [body.bannerUploadId], videos: [] });
    const [row] = id
      ? await tx.update(campaigns).set(values).where(eq(campaigns.id, id)).returning()
      : await tx.insert(campaigns).values({ ...values, createdBy: actor.id }).returning();
    if (!row) throw NotFoundError("CAMPAIGN_NOT_FOUND");
    await recordAudit(tx, origin, { action: id ? "campaign.update" : "campaign.create", targetType: "campaign", targetId: row.id });
    changed(row.id);
    return row;
  });
}
