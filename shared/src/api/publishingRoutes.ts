import { defineRoute } from "./contract";
import {
  activityOverviewQuery,
  activityReportBody,
  campaignBody,
  createUploadQuery,
  eventSignupBody,
  listPublicationsQuery,
  publicationBody,
  publishPublicationBody,
  reviewPublicationBody,
  updatePublicationBody,
} from "../publishing";

const desk = ["editor", "reviewer", "centre_admin"] as const;
const editors = ["editor"] as const;
const reviewers = ["reviewer"] as const;
const publishers = ["editor", "reviewer"] as const;
const reporters = ["editor", "counsellor", "centre_admin", "reviewer"] as const;

/**
 * Content publishing and campaigns (宣传月). Editors write, reviewers review and publish, a school's editor
 * publishes to their own school after county review. Readers (mini-program, public) read published
 * content only. Each comment names the answer type from shared/src/publishing.ts.
 */
export const publishingRoutes = {
  /** PublicationStaffView[] in the viewer's scope. */
  listPublications: defineRoute({ method: "get", path: "/publishing/publications", summary: "内容列表（编辑 / 审核）", tag: "publishing", audience: "staff", roles: desk, query: listPublicationsQuery }),
  /** PublicationStaffView (201), a draft. Errors: PUBLICATION_SCOPE_INVALID. */
  createPublication: defineRoute({ method: "post", path: "/publishing/publications", summary: "新建内容（草稿）", tag: "publishing", audience: "staff", roles: editors, body: publicationBody }),
  /** PublicationStaffView. */
  getPublication: defineRoute({ method: "get", path: "/publishing/publications/:id", summary: "内容详情", tag: "publishing", audience: "staff", roles: desk }),
  /** PublicationStaffView: a new version. Editing published content takes it back to draft. Errors: CONFLICT (stale version). */
  updatePublication: defineRoute({ method: "put", path: "/publishing/publications/:id", summary: "修改内容（新版本）", tag: "publishing", audience: "staff", roles: editors, body: updatePublicationBody }),
  /** PublicationStaffView: draft → submitted; the risk lexicon marks sensitive content for the reviewer. */
  submitPublication: defineRoute({ method: "post", path: "/publishing/publications/:id/submit", summary: "提交审核", tag: "publishing", audience: "staff", roles: editors }),
  /** PublicationStaffView: approve (needs the full checklist for sensitive content) or send back with comments. */
  reviewPublication: defineRoute({ method: "post", path: "/publishing/publications/:id/review", summary: "审核：通过 / 退回修改", tag: "publishing", audience: "staff", roles: reviewers, body: reviewPublicationBody }),
  /** PublicationStaffView: approved → published now, or scheduled for publishAt. */
  publishPublication: defineRoute({ method: "post", path: "/publishing/publications/:id/publish", summary: "发布 / 定时发布", tag: "publishing", audience: "staff", roles: publishers, body: publishPublicationBody }),
  /** PublicationStaffView: scheduled or published → archived (taken off every reader's screen). */
  archivePublication: defineRoute({ method: "post", path: "/publishing/publications/:id/archive", summary: "下线", tag: "publishing", audience: "staff", roles: publishers }),
  /** PublicationVersionView[], newest first. */
  publicationVersions: defineRoute({ method: "get", path: "/publishing/publications/:id/versions", summary: "版本历史", tag: "publishing", audience: "staff", roles: desk }),
  /** EventSignupStaffView[] (aliases only). */
  eventSignups: defineRoute({ method: "get", path: "/publishing/publications/:id/signups", summary: "活动报名名单", tag: "publishing", audience: "staff", roles: desk }),

  /** CampaignView[]. */
  listCampaigns: defineRoute({ method: "get", path: "/publishing/campaigns", summary: "主题活动列表", tag: "publishing", audience: "staff", roles: desk }),
  /** CampaignView (201); county editors and reviewers. */
  createCampaign: defineRoute({ method: "post", path: "/publishing/campaigns", summary: "新建主题活动（如五月心理健康月）", tag: "publishing", audience: "staff", roles: publishers, body: campaignBody }),
  /** CampaignView. */
  updateCampaign: defineRoute({ method: "put", path: "/publishing/campaigns/:id", summary: "修改主题活动", tag: "publishing", audience: "staff", roles: publishers, body: campaignBody }),

  /**
   * UploadView (201). Raw body with Content-Type image/jpeg|png|webp (≤ 8 MB) or video/mp4 (≤ 100 MB).
   * ?purpose=content (editors, reviewers, centre admins) or activity_report (school staff; images only, staff-only).
   */
  createUpload: defineRoute({ method: "post", path: "/publishing/uploads", summary: "上传图片或视频", tag: "publishing", audience: "staff", roles: reporters, query: createUploadQuery }),
  /** The file (images are re-encoded without metadata). Content uploads only; report photos answer 404 here. */
  getUpload: defineRoute({ method: "get", path: "/publishing/uploads/:id", summary: "图片或视频文件", tag: "publishing", audience: "public" }),
  /** An activity report's photo: staff in the report's scope (or its uploader before it is attached); every read audited. */
  getReportPhoto: defineRoute({ method: "get", path: "/publishing/report-photos/:id", summary: "活动上报照片（仅工作人员）", tag: "publishing", audience: "staff", roles: reporters }),

  /** ActivityReportView (201): a school's May activity. */
  createActivityReport: defineRoute({ method: "post", path: "/publishing/activity-reports", summary: "学校上报宣传月活动", tag: "publishing", audience: "staff", roles: reporters, body: activityReportBody }),
  /** ActivityReportView[] in the viewer's scope. */
  listActivityReports: defineRoute({ method: "get", path: "/publishing/activity-reports", summary: "活动上报列表", tag: "publishing", audience: "staff", roles: reporters, query: activityOverviewQuery }),
  /** ActivityOverviewRow[]: every school, county staff only. */
  activityOverview: defineRoute({ method: "get", path: "/publishing/activity-overview", summary: "全县各校宣传月概览", tag: "publishing", audience: "staff", roles: desk, query: activityOverviewQuery }),

  /** PublishingHomeView for this reader (signed in or not). ETag / 304. */
  publishingHome: defineRoute({ method: "get", path: "/publishing/home", summary: "首页内容与当前主题活动", tag: "publishing", audience: "public" }),
  /** PublicationReadView (published, for this reader). ETag / 304. */
  readPublication: defineRoute({ method: "get", path: "/publishing/articles/:id", summary: "阅读文章 / 活动详情", tag: "publishing", audience: "public" }),
  /** CampaignPageView. */
  campaignPage: defineRoute({ method: "get", path: "/publishing/campaigns/:id/page", summary: "主题活动页", tag: "publishing", audience: "public" }),
  /** EventSignupResultView (201; 200 when already signed up). Errors: EVENT_FULL, EVENT_SIGNUP_CLOSED. */
  signUpForEvent: defineRoute({ method: "post", path: "/publishing/events/:id/signups", summary: "活动报名", tag: "publishing", audience: "user", body: eventSignupBody }),
  /** EventSignupView: cancelled (idempotent). */
  cancelEventSignup: defineRoute({ method: "post", path: "/publishing/events/:id/signups/cancel", summary: "取消报名", tag: "publishing", audience: "user" }),
  /** EventSignupView[]. */
  mySignups: defineRoute({ method: "get", path: "/publishing/signups/mine", summary: "我的报名", tag: "publishing", audience: "user" }),
} as const;
