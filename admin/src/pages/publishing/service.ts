import {
  apiRoutes,
  type ActivityOverviewRow,
  type ActivityReportView,
  type BodyOf,
  type CampaignView,
  type EventSignupStaffView,
  type PublicationStaffView,
  type PublicationVersionView,
  type QueryOf,
  type UploadView,
} from "@xinyuan/shared";
import { ApiError, call, unexpectedErrorMessage } from "../../request";
import { getToken } from "../../session/sessionStore";

export type PublicationInput = BodyOf<typeof apiRoutes.createPublication>;

export const listPublications = (query: QueryOf<typeof apiRoutes.listPublications> = {}): Promise<PublicationStaffView[]> => call(apiRoutes.listPublications, { query, policy: "silent" });
export const getPublication = (id: string): Promise<PublicationStaffView> => call(apiRoutes.getPublication, { params: { id }, policy: "silent" });
export const createPublication = (body: PublicationInput): Promise<PublicationStaffView> => call(apiRoutes.createPublication, { body, policy: "notification" });
export const updatePublication = (id: string, version: number, content: PublicationInput): Promise<PublicationStaffView> =>
  call(apiRoutes.updatePublication, { params: { id }, body: { version, content }, policy: "notification" });
export const submitPublication = (id: string): Promise<PublicationStaffView> => call(apiRoutes.submitPublication, { params: { id }, policy: "notification" });
export const reviewPublication = (id: string, body: BodyOf<typeof apiRoutes.reviewPublication>): Promise<PublicationStaffView> =>
  call(apiRoutes.reviewPublication, { params: { id }, body, policy: "notification" });
export const publishPublication = (id: string, publishAt?: string): Promise<PublicationStaffView> =>
  call(apiRoutes.publishPublication, { params: { id }, body: publishAt ? { publishAt } : {}, policy: "notification" });
export const archivePublication = (id: string): Promise<PublicationStaffView> => call(apiRoutes.archivePublication, { params: { id }, policy: "notification" });
export const publicationVersions = (id: string): Promise<PublicationVersionView[]> => call(apiRoutes.publicationVersions, { params: { id }, policy: "silent" });
export const eventSignups = (id: string): Promise<EventSignupStaffView[]> => call(apiRoutes.eventSignups, { params: { id }, policy: "silent" });

export const listCampaigns = (): Promise<CampaignView[]> => call(apiRoutes.listCampaigns, { policy: "silent" });
export const saveCampaign = (body: BodyOf<typeof apiRoutes.createCampaign>, id?: string): Promise<CampaignView> =>
  id ? call(apiRoutes.updateCampaign, { params: { id }, body, policy: "notification" }) : call(apiRoutes.createCampaign, { body, policy: "notification" });

export const listActivityReports = (): Promise<ActivityReportView[]> => call(apiRoutes.listActivityReports, { query: {}, policy: "silent" });
export const createActivityReport = (body: BodyOf<typeof apiRoutes.createActivityReport>): Promise<ActivityReportView> => call(apiRoutes.createActivityReport, { body, policy: "notification" });
export const activityOverview = (): Promise<ActivityOverviewRow[]> => call(apiRoutes.activityOverview, { query: {}, policy: "silent" });

/** Uploads send the file itself as the body (the server checks its type and size, and strips image metadata). */
export async function uploadFile(file: File): Promise<UploadView> {
  const response = await fetch(`/api/v1${apiRoutes.createUpload.path}`, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream", Authorization: `Bearer ${getToken() ?? ""}` },
    body: file,
  });
  const payload = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | UploadView | undefined;
  if (!response.ok) {
    const error = payload && "error" in payload ? payload.error : undefined;
    throw new ApiError(error?.code ?? "HTTP_ERROR", error?.message ?? unexpectedErrorMessage, response.status);
  }
  return payload as UploadView;
}
