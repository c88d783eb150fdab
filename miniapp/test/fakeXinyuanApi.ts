import {
  confirmGuardianInvitationBody,
  currentConsentVersions,
  errorMessages,
  emergencyLines,
  fallbackHelplines,
  giveConsentBody,
  needsGuardianConsent,
  updateProfileBody,
  type ConsentKind,
  type ConsentView,
  type GuardianInvitationView,
  type MeView,
  type PublicConfigView,
  type PublicSchoolView,
  type UserExportView,
} from '@xinyuan/shared'
import { buildMe, buildSession } from './fixtures'
import { errorReply, startHttpTestServer, type HttpTestServer, type RecordedRequest, type Reply } from './httpTestServer'

export const demoSchools: PublicSchoolView[] = [
  { id: '0f7e2d5c-1a2b-4c3d-8e9f-101112131415', name: '渠县第一中学', areaName: '渠江片区' },
  { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f20212223', name: '渠县天星小学', areaName: '天星片区' },
]

export const publicConfig: PublicConfigView = {
  countyName: '渠县',
  hotline: { number: '0818-7362000', hoursText: '每天 8:00–22:00', openNow: true },
  fallbackHelplines,
  emergencyLines,
  consentVersions: currentConsentVersions,
  demo: true,
}

export interface FakeUser {
  me: MeView
  guardian: { relation: string; name: string } | null
  deleted: boolean
  /** The export answers 503 while set (the page's error state). */
  exportFails?: boolean
  /** The child's latest guardian invitation (its token is fakeInvitationToken). */
  invitation?: GuardianInvitationView
}

/**
 * The user-facing part of the XinYuan API, in memory, over real HTTP: enough to walk the first-run flow
 * (login, /me, profile, consents, public config and schools), validating bodies with the shared schemas.
 */
export async function startFakeXinyuanApi(): Promise<HttpTestServer & { user: FakeUser }> {
  const user: FakeUser = { me: buildMe(), guardian: null, deleted: false }
  const server = await startHttpTestServer((req) => route(req, user))
  return Object.assign(server, { user })
}

function route(req: RecordedRequest, user: FakeUser): Reply {
  const path = req.url.split('?')[0]
  const key = `${req.method} ${path}`
  if (key === 'POST /api/v1/auth/wechat/login') return { status: 200, body: buildSession('token-1', user.me) }
  if (key === 'GET /api/v1/public/config') return { status: 200, body: publicConfig }
  if (key === 'GET /api/v1/public/schools') return { status: 200, body: searchSchools(req.url) }
  if (req.headers.authorization !== 'Bearer token-1') return errorReply(401, 'UNAUTHENTICATED', '请先登录后再继续。')
  if (key === 'GET /api/v1/me') return { status: 200, body: user.me }
  if (key === 'POST /api/v1/me/guardian-invitations') {
    user.invitation = { id: '9b2f7c1e-0000-4000-8000-000000000001', status: 'pending', expiresAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), guardianRelation: null, decidedAt: null }
    return { status: 200, body: { ...user.invitation, token: fakeInvitationToken } }
  }
  if (user.invitation && key === `GET /api/v1/me/guardian-invitations/${user.invitation.id}`) return { status: 200, body: user.invitation }
  if (path?.startsWith('/api/v1/guardian-invitations/')) return guardianSide(req, path, user)
  if (key === 'PATCH /api/v1/me/profile') return updateProfile(req.body, user)
  if (key === 'POST /api/v1/me/consents') return giveConsent(req.body, user)
  if (key === 'GET /api/v1/me/export') return user.exportFails ? errorReply(503, 'SERVICE_UNAVAILABLE', '服务暂时有点忙，请稍后再试。') : { status: 200, body: exportOf(user.me) }
  if (key === 'DELETE /api/v1/me') {
    user.deleted = true
    return { status: 204 }
  }
  return errorReply(404, 'ROUTE_NOT_FOUND', '没有这个接口。')
}

/** The token the fake hands out; any other is the real server's 404 with its Chinese message. */
export const fakeInvitationToken = 'T'.repeat(43)

/** The guardian's side, as the server answers it: the child's alias only; a confirm records the consent on the child. */
function guardianSide(req: RecordedRequest, path: string, user: FakeUser): Reply {
  const [, token, action] = /^\/api\/v1\/guardian-invitations\/([^/]+)(?:\/(confirm|decline))?$/.exec(path) ?? []
  if (token !== fakeInvitationToken) return errorReply(404, 'GUARDIAN_INVITATION_NOT_FOUND', errorMessages.GUARDIAN_INVITATION_NOT_FOUND)
  const invitation = user.invitation ?? { id: 'x', status: 'pending' as const, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), guardianRelation: null, decidedAt: null }
  const view = () => ({ childAlias: '小星星', status: invitation.status, expiresAt: invitation.expiresAt, guardianVersion: currentConsentVersions.guardian })
  if (!action) return { status: 200, body: view() }
  if (invitation.status !== 'pending') return errorReply(409, 'GUARDIAN_INVITATION_USED', errorMessages.GUARDIAN_INVITATION_USED)
  if (action === 'confirm') {
    const parsed = confirmGuardianInvitationBody.safeParse(req.body)
    if (!parsed.success) return errorReply(400, 'VALIDATION_FAILED', '填写的内容有点问题。')
    invitation.status = 'confirmed'
    invitation.guardianRelation = parsed.data.guardianRelation
    invitation.decidedAt = new Date().toISOString()
    user.me = refresh({ ...user.me, consents: [...user.me.consents, { kind: 'guardian', version: currentConsentVersions.guardian, givenAt: invitation.decidedAt, guardianRelation: parsed.data.guardianRelation, method: 'invitation' }] })
  } else {
    invitation.status = 'declined'
    invitation.decidedAt = new Date().toISOString()
  }
  user.invitation = invitation
  return { status: 200, body: view() }
}

function searchSchools(url: string): PublicSchoolView[] {
  const q = new URL(url, 'http://x').searchParams.get('q') ?? ''
  return demoSchools.filter((school) => school.name.includes(q))
}

function updateProfile(body: unknown, user: FakeUser): Reply {
  const parsed = updateProfileBody.safeParse(body)
  if (!parsed.success) return errorReply(400, 'VALIDATION_FAILED', '填写的内容有点问题，请检查后再试一次。')
  const { role, ageBand, schoolId } = parsed.data
  const school = schoolId === undefined ? user.me.school : (demoSchools.find((item) => item.id === schoolId) ?? null)
  user.me = refresh({ ...user.me, role: role ?? user.me.role, ageBand: ageBand ?? user.me.ageBand, school: school && { id: school.id, name: school.name } })
  return { status: 200, body: user.me }
}

function giveConsent(body: unknown, user: FakeUser): Reply {
  const parsed = giveConsentBody.safeParse(body)
  if (!parsed.success) return errorReply(400, 'VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '填写的内容有点问题。')
  const consent: ConsentView = { kind: parsed.data.kind, version: parsed.data.version, givenAt: new Date().toISOString() }
  if (parsed.data.kind === 'guardian') {
    consent.guardianRelation = parsed.data.guardianRelation
    user.guardian = { relation: parsed.data.guardianRelation, name: parsed.data.guardianName }
  }
  user.me = refresh({ ...user.me, consents: [...user.me.consents, consent] })
  return { status: 201, body: user.me }
}

function exportOf(me: MeView): UserExportView {
  const readable = `心援 · 我的数据\n\n【账号与资料】\n昵称：${me.alias}\n\n【聊天记录（在线咨询）】\n第 1 次咨询：2026-12-06 19:30 开始，已结束\n  2026-12-06 19:30  我：最近考试压力好大\n  2026-12-06 19:31  老师：我在，慢慢说`
  return { exportedAt: new Date().toISOString(), me, consents: me.consents, sections: {}, readable }
}

function refresh(me: MeView): MeView {
  const given = new Set(me.consents.map((consent) => consent.kind))
  const required: ConsentKind[] = ['privacy', 'sensitive']
  if (me.ageBand && needsGuardianConsent(me.ageBand)) required.push('guardian')
  const missingConsents = required.filter((kind) => !given.has(kind))
  return { ...me, missingConsents, canUseCounselling: missingConsents.length === 0 && me.ageBand !== null }
}
