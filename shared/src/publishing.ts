import { z } from "zod";
import { isoDateTime, isoDay, uuid } from "./schemas/common";
import { schoolStages, type SchoolStage } from "./roles";

/**
 * Content publishing and campaigns (the May Mental Health Month, 宣传月). Kinds, workflow states,
 * audience, safe-messaging checklist, request schemas and the views every client reads.
 */
export const publicationKinds = ["article", "video", "notice", "event", "material"] as const;
export type PublicationKind = (typeof publicationKinds)[number];
export const publicationKindLabels: Record<PublicationKind, string> = { article: "文章", video: "视频", notice: "通知", event: "活动", material: "资料" };

/** Materials are for 心理委员 (peer supporters) or parents (家长课堂). */
export const materialAudiences = ["peer_supporter", "parent"] as const;
export type MaterialAudience = (typeof materialAudiences)[number];
export const materialAudienceLabels: Record<MaterialAudience, string> = { peer_supporter: "心理委员", parent: "家长课堂" };

/** draft → submitted → approved (reviewed) → scheduled → published → archived; send back returns to draft. */
export const publicationStatuses = ["draft", "submitted", "approved", "scheduled", "published", "archived"] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const publicationStatusLabels: Record<PublicationStatus, string> = {
  draft: "草稿",
  submitted: "待审核",
  approved: "已审核",
  scheduled: "定时发布",
  published: "已发布",
  archived: "已下线",
};

export const audienceRoles = ["student", "parent", "teacher"] as const;
export type AudienceRole = (typeof audienceRoles)[number];
export const audienceRoleLabels: Record<AudienceRole, string> = { student: "学生", parent: "家长", teacher: "教师" };
export const audienceScopes = ["county", "area", "schools"] as const;
export type AudienceScope = (typeof audienceScopes)[number];

export const audienceSchema = z.object({
  /** Empty: everyone. */
  roles: z.array(z.enum(audienceRoles)).max(3).default([]),
  /** Students by school stage; empty: every stage. */
  stages: z.array(z.enum(schoolStages)).max(schoolStages.length).default([]),
  scope: z.enum(audienceScopes).default("county"),
  areaIds: z.array(uuid).max(50).default([]),
  schoolIds: z.array(uuid).max(500).default([]),
});
export type Audience = z.output<typeof audienceSchema>;

/** Safe-reporting rules for content about suicide or self-harm; the reviewer ticks each one. */
export const safeMessagingChecks = ["noMethod", "noLocation", "noSimpleCause", "helpNumbers"] as const;
export type SafeMessagingCheck = (typeof safeMessagingChecks)[number];
export const safeMessagingCheckLabels: Record<SafeMessagingCheck, string> = {
  noMethod: "没有描述方式或方法",
  noLocation: "没有提及具体地点",
  noSimpleCause: "没有把原因简单归结为某一件事",
  helpNumbers: "文末附有求助电话",
};

const httpsUrl = z.url({ protocol: /^https$/, error: "请填写以 https:// 开头的链接" }).max(500);

export const eventDetailsSchema = z
  .object({
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    place: z.string().trim().max(100).default(""),
    onlineUrl: httpsUrl.optional(),
    capacity: z.number().int().min(1).max(100_000),
    signupOpensAt: isoDateTime(),
    signupClosesAt: isoDateTime(),
  })
  .refine((event) => event.place.length > 0 || event.onlineUrl, { error: "请填写活动地点或线上链接", path: ["place"] })
  .refine((event) => Date.parse(event.endsAt) > Date.parse(event.startsAt), { error: "结束时间要晚于开始时间", path: ["endsAt"] })
  .refine((event) => Date.parse(event.signupClosesAt) > Date.parse(event.signupOpensAt), { error: "报名截止要晚于报名开始", path: ["signupClosesAt"] });
export type EventDetails = z.output<typeof eventDetailsSchema>;

export const publicationBody = z
  .object({
    kind: z.enum(publicationKinds),
    title: z.string().trim().min(1, { error: "请填写标题" }).max(80, { error: "标题不能超过 80 个字" }),
    summary: z.string().trim().max(200).default(""),
    /** Rich text; the server sanitises it (only a whitelist of tags and attributes survives). */
    bodyHtml: z.string().max(200_000, { error: "正文太长了" }).default(""),
    videoUrl: httpsUrl.optional(),
    videoUploadId: uuid.optional(),
    coverUploadId: uuid.optional(),
    materialFor: z.enum(materialAudiences).optional(),
    audience: audienceSchema.default({ roles: [], stages: [], scope: "county", areaIds: [], schoolIds: [] }),
    campaignId: uuid.optional(),
    event: eventDetailsSchema.optional(),
  })
  .refine((body) => body.kind !== "event" || body.event, { error: "活动需要填写时间、地点和名额", path: ["event"] })
  .refine((body) => body.kind !== "video" || body.videoUrl || body.videoUploadId, { error: "请上传视频或填写视频链接", path: ["videoUrl"] })
  .refine((body) => body.kind !== "material" || body.materialFor, { error: "请选择资料面向心理委员还是家长", path: ["materialFor"] });
export type PublicationBody = z.output<typeof publicationBody>;

export const updatePublicationBody = z.object({ version: z.number().int().min(1), content: publicationBody });
export const reviewPublicationBody = z
  .object({
    decision: z.enum(["approve", "send_back"]),
    comment: z.string().trim().max(1000).default(""),
    checklist: z.partialRecord(z.enum(safeMessagingChecks), z.boolean()).default({}),
  })
  .refine((body) => body.decision === "approve" || body.comment.length > 0, { error: "退回时请写明修改意见", path: ["comment"] });
export const publishPublicationBody = z.object({ publishAt: isoDateTime().optional() });
export const listPublicationsQuery = z.object({
  status: z.enum(publicationStatuses).optional(),
  kind: z.enum(publicationKinds).optional(),
  campaignId: uuid.optional(),
});

export const campaignBody = z
  .object({
    title: z.string().trim().min(1, { error: "请填写活动名称" }).max(60),
    theme: z.string().trim().max(200).default(""),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    bannerUploadId: uuid.optional(),
    /** The campaign takes over the mini-program home during its dates. */
    takeoverHome: z.boolean().default(false),
  })
  .refine((body) => Date.parse(body.endsAt) > Date.parse(body.startsAt), { error: "结束日期要晚于开始日期", path: ["endsAt"] });

export const eventSignupBody = z.object({ note: z.string().trim().max(200, { error: "备注不能超过 200 个字" }).default("") });

export const activityReportBody = z.object({
  campaignId: uuid.optional(),
  title: z.string().trim().min(1, { error: "请填写活动名称" }).max(80),
  heldOn: isoDay("请选择活动日期"),
  participants: z.number().int().min(0).max(100_000),
  description: z.string().trim().max(2000).default(""),
  photoUploadIds: z.array(uuid).max(9).default([]),
});
export const activityOverviewQuery = z.object({ campaignId: uuid.optional() });

/**
 * What an upload is for. 'content' (covers, banners, article images, videos) is public once used;
 * 'activity_report' photos can show children and are served only to staff in the report's scope.
 */
export const uploadPurposes = ["content", "activity_report"] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];
export const createUploadQuery = z.object({ purpose: z.enum(uploadPurposes).default("content") });
/** Limits the clients check before sending (the server checks them again). */
export const uploadLimits = {
  image: { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 8 * 1024 * 1024 },
  video: { types: ["video/mp4"], maxBytes: 100 * 1024 * 1024 },
} as const;

export interface HelplineLine {
  number: string;
  name: string;
  note: string;
}

export interface EventSummaryView {
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string | null;
  capacity: number;
  signedUp: number;
  signupOpensAt: string;
  signupClosesAt: string;
}

/** What a reader sees in a list. */
export interface PublicationSummaryView {
  id: string;
  kind: PublicationKind;
  title: string;
  summary: string;
  coverUrl: string | null;
  publishedAt: string | null;
  campaignId: string | null;
  materialFor: MaterialAudience | null;
  event: EventSummaryView | null;
}

/** The article page: sanitised body and, for every article, the help numbers at its end. */
export interface PublicationReadView extends PublicationSummaryView {
  bodyHtml: string;
  videoUrl: string | null;
  helplines: HelplineLine[];
}

export interface PublicationStaffView extends PublicationReadView {
  status: PublicationStatus;
  version: number;
  audience: Audience;
  ownerSchoolId: string | null;
  reviewComment: string | null;
  publishAt: string | null;
  /** The risk lexicon matched: the reviewer must work through the safe-messaging checklist. */
  sensitive: boolean;
  riskCategories: string[];
  checklist: Partial<Record<SafeMessagingCheck, boolean>>;
  createdByName: string;
  updatedAt: string;
  /** What the viewer may do now. */
  can: { edit: boolean; submit: boolean; review: boolean; publish: boolean; archive: boolean };
}

export interface PublicationVersionView {
  version: number;
  action: string;
  comment: string | null;
  title: string | null;
  byName: string;
  at: string;
}

export interface CampaignView {
  id: string;
  title: string;
  theme: string;
  startsAt: string;
  endsAt: string;
  bannerUrl: string | null;
  takeoverHome: boolean;
}

export interface CampaignPageView {
  campaign: CampaignView;
  items: PublicationSummaryView[];
}

/** The mini-program home: the campaign taking it over now (if any) and the feed for this reader. */
export interface PublishingHomeView {
  campaign: CampaignView | null;
  items: PublicationSummaryView[];
}

export interface EventSignupView {
  id: string;
  publicationId: string;
  title: string;
  status: "active" | "cancelled";
  event: EventSummaryView | null;
  createdAt: string;
}

export interface EventSignupResultView {
  signup: EventSignupView;
  /** The note had risk words: the app offers the live line and help numbers. */
  offerHelp: boolean;
}

export interface EventSignupStaffView {
  id: string;
  alias: string;
  status: "active" | "cancelled";
  note: string;
  createdAt: string;
}

export interface UploadView {
  id: string;
  purpose: UploadPurpose;
  url: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
}

export interface ActivityReportView {
  id: string;
  schoolId: string;
  schoolName: string;
  campaignId: string | null;
  title: string;
  heldOn: string;
  participants: number;
  description: string;
  photoUrls: string[];
  createdAt: string;
}

export interface ActivityOverviewRow {
  schoolId: string;
  schoolName: string;
  areaName: string;
  stage: SchoolStage | string;
  reports: number;
  participants: number;
  lastHeldOn: string | null;
}
