import type { MeView, UserSessionView } from '@xinyuan/shared'

export function buildMe(overrides: Partial<MeView> = {}): MeView {
  return {
    id: '5b0c1f1e-7a4e-4d8e-9b7a-0c2f3d4e5f60',
    alias: '晴天的小树',
    role: null,
    ageBand: null,
    school: null,
    consents: [],
    canUseCounselling: false,
    missingConsents: ['privacy', 'sensitive'],
    createdAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  }
}

export function buildSession(token: string, me: MeView = buildMe()): UserSessionView {
  return { token, expiresAt: '2026-09-08T08:00:00.000Z', me }
}
