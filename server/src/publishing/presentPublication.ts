import {
  emergencyLines,
  fallbackHelplines,
  type Audience,
  type CampaignView,
  type EventSummaryView,
  type HelplineLine,
  type MaterialAudience,
  type PublicationKind,
  type PublicationReadView,
  type PublicationStaffView,
  type PublicationStatus,
  type PublicationSummaryView,
  type SafeMessagingCheck,
} from "@xinyuan/shared";
import type { campaigns, publications } from "../db/schema";
import type { Config } from "../config";

export type PublicationRow = typeof publications.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;

export const uploadUrl = (id: string | null): string | null => (id ? `/api/v1/publishing/uploads/${id}` : null);

/** The help numbers every published piece ends with: the county line first, then the national lines. */
export function helplinesOf(config: Config): HelplineLine[] {
  return [
    { number: config.county.hotlineNumber, name: `${config.county.name}心理援助热线`, note: config.county.hotlineHours },
    ...fallbackHelplines.map((line) => ({ ...line })),
    ...emergencyLines.map((line) => ({ ...line })),
  ];
}

function eventOf(row: PublicationRow): EventSummaryView | null {
  if (row.kind !== "event" || !row.eventStartsAt || !row.eventEndsAt || !row.signupOpensAt || !row.signupClosesAt) return null;
  return {
    startsAt: row.eventStartsAt.toISOString(),
    endsAt: row.eventEndsAt.toISOString(),
    place: row.eventPlace ?? "",
    onlineUrl: row.eventOnlineUrl,
    capacity: row.eventCapacity ?? 0,
    signedUp: row.signedUp,
    signupOpensAt: row.signupOpensAt.toISOString(),
    signupClosesAt: row.signupClosesAt.toISOString(),
  };
}

export function presentPublicationSummary(row: PublicationRow): PublicationSummaryView {
  return {
    id: row.id,
    kind: row.kind as PublicationKind,
    title: row.title,
    summary: row.summary,
    coverUrl: uploadUrl(row.coverUploadId),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    campaignId: row.campaignId,
    materialFor: (row.materialFor as MaterialAudience | null) ?? null,
    event: eventOf(row),
  };
}

export function presentPublicationRead(row: PublicationRow, config: Config): PublicationReadView {
  return { ...presentPublicationSummary(row), bodyHtml: row.bodyHtml, videoUrl: row.videoUrl ?? uploadUrl(row.videoUploadId), helplines: helplinesOf(config) };
}

export function presentPublicationStaff(
  row: PublicationRow,
  config: Config,
  extra: { createdByName: string; can: PublicationStaffView["can"] },
): PublicationStaffView {
  return {
    ...presentPublicationRead(row, config),
    status: row.status as PublicationStatus,
    version: row.version,
    audience: row.audience as Audience,
    ownerSchoolId: row.ownerSchoolId,
    reviewComment: row.reviewComment,
    publishAt: row.publishAt?.toISOString() ?? null,
    sensitive: row.sensitive,
    riskCategories: row.riskCategories,
    checklist: row.checklist as Partial<Record<SafeMessagingCheck, boolean>>,
    createdByName: extra.createdByName,
    updatedAt: row.updatedAt.toISOString(),
    can: extra.can,
  };
}

export function presentCampaign(row: CampaignRow): CampaignView {
  return {
    id: row.id,
    title: row.title,
    theme: row.theme,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    bannerUrl: uploadUrl(row.bannerUploadId),
    takeoverHome: row.takeoverHome,
  };
}
