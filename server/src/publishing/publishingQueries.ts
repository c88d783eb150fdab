import { and, desc, eq } from "drizzle-orm";
import type { Audience, CampaignPageView, PublishingHomeView } from "@xinyuan/shared";
import { campaigns, publications, schools } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { audienceIncludes, anonymousReader, type Reader } from "./audienceMatch";
import { cachedBodyOf, publishedCacheOf, type CachedBody } from "./publishedCache";
import { presentCampaign, presentPublicationRead, presentPublicationSummary, type CampaignRow, type PublicationRow } from "./presentPublication";

const homeLimit = 60;
const schoolFactsTtlMs = 60_000;
const schoolFacts = new Map<string, { areaId: string; stage: string; until: number }>();

/** The reader behind a request: role and school from the user's profile (area and stage from the school). */
export async function readerOf(services: Services, actor: UserActor | null): Promise<Reader> {
  if (!actor) return anonymousReader;
  const role = actor.role === "student" || actor.role === "parent" ? actor.role : null;
  if (!actor.schoolId) return { role, schoolId: null, areaId: null, stage: null };
  let facts = schoolFacts.get(actor.schoolId);
  if (!facts || facts.until < Date.now()) {
    const [school] = await services.db.select({ areaId: schools.areaId, stage: schools.stage }).from(schools).where(eq(schools.id, actor.schoolId)).limit(1);
    facts = { areaId: school?.areaId ?? "", stage: school?.stage ?? "", until: Date.now() + schoolFactsTtlMs };
    schoolFacts.set(actor.schoolId, facts);
  }
  return { role, schoolId: actor.schoolId, areaId: facts.areaId || null, stage: facts.stage || null };
}

const readerKey = (reader: Reader) => `${reader.role ?? "-"}|${reader.schoolId ?? "-"}|${reader.areaId ?? "-"}|${reader.stage ?? "-"}`;

/** Every published item, newest first (cached until the next publishing change). */
function publishedRows(services: Services): Promise<PublicationRow[]> {
  return publishedCacheOf(services).get("published", () =>
    services.db.select().from(publications).where(eq(publications.status, "published")).orderBy(desc(publications.publishedAt)),
  );
}

function campaignRows(services: Services): Promise<CampaignRow[]> {
  return publishedCacheOf(services).get("campaigns", () => services.db.select().from(campaigns).orderBy(desc(campaigns.startsAt)));
}

/** The campaign taking over the home right now (the latest-starting one when several overlap). */
export async function activeHomeCampaign(services: Services, now: Date): Promise<CampaignRow | null> {
  const rows = await campaignRows(services);
  return rows.find((row) => row.takeoverHome && row.startsAt.getTime() <= now.getTime() && row.endsAt.getTime() > now.getTime()) ?? null;
}

/** The home for this reader: the active campaign and the newest items meant for them. */
export async function publishingHome(services: Services, reader: Reader): Promise<CachedBody> {
  const campaign = await activeHomeCampaign(services, services.clock.now());
  return publishedCacheOf(services).get(`home|${campaign?.id ?? "-"}|${readerKey(reader)}`, async () => {
    const rows = (await publishedRows(services)).filter((row) => audienceIncludes(row.audience as Audience, reader));
    const inCampaign = campaign ? rows.filter((row) => row.campaignId === campaign.id) : [];
    const others = rows.filter((row) => !campaign || row.campaignId !== campaign.id);
    const view: PublishingHomeView = {
      campaign: campaign ? presentCampaign(campaign) : null,
      items: [...inCampaign, ...others].slice(0, homeLimit).map(presentPublicationSummary),
    };
    return cachedBodyOf(view);
  });
}

/** One published item's read view, or null when it is not published or not meant for this reader. */
export async function publishedArticle(services: Services, id: string, reader: Reader): Promise<CachedBody | null> {
  const entry = await publishedCacheOf(services).get(`article|${id}`, async () => {
    const [row] = await services.db.select().from(publications).where(and(eq(publications.id, id), eq(publications.status, "published"))).limit(1);
    return row ? { audience: row.audience as Audience, body: cachedBodyOf(presentPublicationRead(row, services.config)) } : null;
  });
  if (!entry || !audienceIncludes(entry.audience, reader)) return null;
  return entry.body;
}

/** A campaign's page: the campaign (once started) and its published items for this reader. */
export async function campaignPage(services: Services, id: string, reader: Reader): Promise<CachedBody | null> {
  const now = services.clock.now();
  const campaign = (await campaignRows(services)).find((row) => row.id === id && row.startsAt.getTime() <= now.getTime());
  if (!campaign) return null;
  return publishedCacheOf(services).get(`campaign|${id}|${readerKey(reader)}`, async () => {
    const rows = (await publishedRows(services)).filter((row) => row.campaignId === id && audienceIncludes(row.audience as Audience, reader));
    const view: CampaignPageView = { campaign: presentCampaign(campaign), items: rows.map(presentPublicationSummary) };
    return cachedBodyOf(view);
  });
}
