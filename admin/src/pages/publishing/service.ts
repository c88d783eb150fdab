import {
  apiRoutes,
  type BodyOf,
  type CampaignView,
  type EventSignupStaffView,
  type PublicationStaffView,
  type PublicationVersionView,
  type QueryOf,
} from "@xinyuan/shared";
import { call } from "../../request";

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
