import { foundationRoutes as routes, type BodyOf, type MeView, type UserExportView } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'

/** GET /me: alias, profile and which consents are still missing. */
export function getMe(options?: CallOptions): Promise<MeView> {
  return callRoute<MeView>(routes.getMe, {}, options)
}

/** PATCH /me/profile: role, age band, school. */
export function updateProfile(body: BodyOf<typeof routes.updateProfile>, options?: CallOptions): Promise<MeView> {
  return callRoute<MeView, typeof routes.updateProfile>(routes.updateProfile, { body }, options)
}

/** POST /me/consents: privacy, sensitive data, or guardian consent (versioned). */
export function giveConsent(body: BodyOf<typeof routes.giveConsent>, options?: CallOptions): Promise<MeView> {
  return callRoute<MeView, typeof routes.giveConsent>(routes.giveConsent, { body }, options)
}

/** GET /me/export: everything the platform keeps about this user. */
export function exportMe(options?: CallOptions): Promise<UserExportView> {
  return callRoute<UserExportView>(routes.exportMe, {}, options)
}

/** DELETE /me: deletes the account and its data. */
export function deleteMe(options?: CallOptions): Promise<void> {
  return callRoute<void>(routes.deleteMe, {}, options)
}
