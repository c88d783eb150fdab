import { apiRoutes, foundationRoutes as routes, type BodyOf, type GuardianInvitationForGuardianView, type GuardianInvitationView, type GuardianRelation, type MeView, type UserExportView } from '@xinyuan/shared'
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

/** POST /me/guardian-invitations: a single-use invitation for a guardian to consent in their own WeChat. */
export function createGuardianInvitation(options?: CallOptions): Promise<GuardianInvitationView> {
  return callRoute<GuardianInvitationView>(apiRoutes.createGuardianInvitation, {}, options)
}

/** GET /me/guardian-invitations/:id: polled by the child's waiting screen. */
export function getMyGuardianInvitation(id: string, options?: CallOptions): Promise<GuardianInvitationView> {
  return callRoute<GuardianInvitationView>(apiRoutes.getMyGuardianInvitation, { params: { id } }, options)
}

/** GET /guardian-invitations/:token: what the guardian is asked, with the child's alias only. */
export function openGuardianInvitation(token: string, options?: CallOptions): Promise<GuardianInvitationForGuardianView> {
  return callRoute<GuardianInvitationForGuardianView>(apiRoutes.openGuardianInvitation, { params: { token } }, options)
}

/** The guardian's answer: confirm (with their relation) or decline. */
export function answerGuardianInvitation(token: string, answer: { confirm: true; guardianRelation: GuardianRelation } | { confirm: false }, options?: CallOptions): Promise<GuardianInvitationForGuardianView> {
  return answer.confirm
    ? callRoute<GuardianInvitationForGuardianView, typeof apiRoutes.confirmGuardianInvitation>(apiRoutes.confirmGuardianInvitation, { params: { token }, body: { guardianRelation: answer.guardianRelation } }, options)
    : callRoute<GuardianInvitationForGuardianView>(apiRoutes.declineGuardianInvitation, { params: { token } }, options)
}
