import Taro from '@tarojs/taro'
import { currentConsentVersions, type AgeBand, type ConsentKind, type GuardianRelation, type MeView, type UserRole } from '@xinyuan/shared'
import { useCallback, useEffect, useState } from 'react'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { getMe, giveConsent, updateProfile } from '../../services/me'
import { getPublicConfig } from '../../services/publicInfo'
import { nextStep, plannedSteps, type OnboardingProgress, type OnboardingStep } from './steps'

interface OnboardingData {
  me: MeView
  versions: Record<ConsentKind, string>
}

async function loadOnboarding(): Promise<OnboardingData> {
  const [me, config] = await Promise.all([getMe({ toast: false }), getPublicConfig({ toast: false }).catch(() => null)])
  return { me, versions: config?.consentVersions ?? currentConsentVersions }
}

function looksLikeMe(value: unknown): value is MeView {
  return typeof value === 'object' && value !== null && 'missingConsents' in value && 'alias' in value
}

/** State and actions of the first-run flow; every answer is saved on the server before moving on. */
export function useOnboarding() {
  const remote = useRemote(loadOnboarding)
  const [me, setMe] = useState<MeView>()
  const [progress, setProgress] = useState<OnboardingProgress>({ firstRun: false, schoolAnswered: false, guardianPostponed: false })
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<unknown>(null)

  useEffect(() => {
    const loaded = remote.data?.me
    if (!loaded) return
    setMe(loaded)
    setProgress((current) => ({ ...current, firstRun: current.firstRun || loaded.role === null }))
  }, [remote.data])

  const step: OnboardingStep | null = me ? nextStep(me, progress) : null
  const steps = me ? plannedSteps(me, progress) : []

  useEffect(() => {
    if (step === 'done') {
      void Taro.reLaunch({ url: pagePaths.home })
      return
    }
    // Each step starts at its top: the last step's scroll position hid "第 2 步，共 5 步" and the lead.
    if (step) void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  }, [step])

  /** Runs one save; the server's answer (or a fresh GET /me) decides the next step. */
  const save = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setActionError(null)
    try {
      const result = await action()
      setMe(looksLikeMe(result) ? result : await getMe({ toast: false }))
      return true
    } catch (error) {
      setActionError(error)
      return false
    } finally {
      setBusy(false)
    }
  }, [])

  const versions = remote.data?.versions ?? currentConsentVersions

  return {
    remote,
    me,
    step,
    stepIndex: step ? steps.indexOf(step) + 1 : 0,
    stepTotal: steps.length,
    busy,
    actionError,
    agreePrivacy: () => save(() => giveConsent({ kind: 'privacy', version: versions.privacy }, { toast: false })),
    agreeSensitive: () => save(() => giveConsent({ kind: 'sensitive', version: versions.sensitive }, { toast: false })),
    chooseRole: (role: UserRole) =>
      save(() => updateProfile(role === 'parent' ? { role, ageBand: '18_plus' } : { role }, { toast: false })),
    chooseAgeBand: (ageBand: AgeBand) => save(() => updateProfile({ ageBand }, { toast: false })),
    giveGuardianConsent: (guardianRelation: GuardianRelation, guardianName: string) =>
      save(() => giveConsent({ kind: 'guardian', version: versions.guardian, guardianRelation, guardianName }, { toast: false })),
    /** The guardian confirmed an invitation in their own WeChat: read the consents again. */
    refreshMe: () => save(() => getMe({ toast: false })),
    postponeGuardian: () => setProgress((current) => ({ ...current, guardianPostponed: true })),
    chooseSchool: async (schoolId: string | null) => {
      const saved = schoolId === null ? true : await save(() => updateProfile({ schoolId }, { toast: false }))
      if (saved) setProgress((current) => ({ ...current, schoolAnswered: true }))
    },
  }
}

export type Onboarding = ReturnType<typeof useOnboarding>
