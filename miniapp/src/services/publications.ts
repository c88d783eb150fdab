import {
  apiRoutes as routes,
  type CampaignPageView,
  type EventSignupResultView,
  type EventSignupView,
  type PublicationReadView,
  type PublishingHomeView,
} from '@xinyuan/shared'
import { request } from './request'
import { routeMethod, routePath } from './routeUrl'
import { callRoute, type CallOptions } from './callRoute'

/**
 * Reading routes are public (a shared article opens for anyone), but the app sends its session so the
 * server picks what is meant for this student or parent (stage, school).
 */
function readAsMe<T>(route: typeof routes.publishingHome | typeof routes.readPublication | typeof routes.campaignPage, params: Record<string, string> = {}, options: CallOptions = {}): Promise<T> {
  return request<T>({ method: routeMethod(route), path: routePath(route, params), auth: true, toast: options.toast })
}

/** GET /publishing/home: the campaign taking over the home now (if any) and the feed for me. */
export function getPublishingHome(options?: CallOptions): Promise<PublishingHomeView> {
  return readAsMe<PublishingHomeView>(routes.publishingHome, {}, options)
}

/** GET /publishing/articles/:id (sanitised rich text and the help numbers). */
export function readPublication(id: string, options?: CallOptions): Promise<PublicationReadView> {
  return readAsMe<PublicationReadView>(routes.readPublication, { id }, options)
}

/** GET /publishing/campaigns/:id/page. */
export function getCampaignPage(id: string, options?: CallOptions): Promise<CampaignPageView> {
  return readAsMe<CampaignPageView>(routes.campaignPage, { id }, options)
}

/** POST /publishing/events/:id/signups (signing up again returns the same place). */
export function signUpForEvent(id: string, note: string, options?: CallOptions): Promise<EventSignupResultView> {
  return callRoute<EventSignupResultView, typeof routes.signUpForEvent>(routes.signUpForEvent, { params: { id }, body: { note } }, options)
}

/** POST /publishing/events/:id/signups/cancel (idempotent). */
export function cancelEventSignup(id: string, options?: CallOptions): Promise<EventSignupView> {
  return callRoute<EventSignupView>(routes.cancelEventSignup, { params: { id } }, options)
}

/** GET /publishing/signups/mine: my active sign-ups. */
export function getMySignups(options?: CallOptions): Promise<EventSignupView[]> {
  return callRoute<EventSignupView[]>(routes.mySignups, {}, options)
}
