import { needsGuardianConsent, type MeView } from '@xinyuan/shared'

export type OnboardingStep = 'privacy' | 'sensitive' | 'role' | 'age' | 'guardian' | 'school' | 'done'

/** What the user decided on this device during this run of the flow. */
export interface OnboardingProgress {
  /** The profile was empty when the flow started: the optional school step is offered once. */
  firstRun: boolean
  schoolAnswered: boolean
  /** An under-14 chose to ask a guardian later; home keeps reminding them kindly. */
  guardianPostponed: boolean
}

/** Missing anything without which the app cannot be used at all (guardian consent only limits it). */
export function needsOnboarding(me: MeView): boolean {
  const missing = new Set(me.missingConsents)
  return missing.has('privacy') || missing.has('sensitive') || me.role === null || me.ageBand === null
}

/** An under-14 whose guardian has not agreed yet: counselling, letters and bookings wait for it. */
export function awaitsGuardian(me: MeView): boolean {
  return me.ageBand !== null && needsGuardianConsent(me.ageBand) && me.missingConsents.includes('guardian')
}

/**
 * The next step of the first-run flow, from what the server knows (MeView) and what the user decided
 * here. Order: privacy, sensitive data, role, age band, guardian (under 14 only), school (optional).
 */
export function nextStep(me: MeView, progress: OnboardingProgress): OnboardingStep {
  const missing = new Set(me.missingConsents)
  if (missing.has('privacy')) return 'privacy'
  if (missing.has('sensitive')) return 'sensitive'
  if (me.role === null) return 'role'
  if (me.ageBand === null) return 'age'
  if (awaitsGuardian(me) && !progress.guardianPostponed) return 'guardian'
  if (progress.firstRun && me.school === null && !progress.schoolAnswered) return 'school'
  return 'done'
}

/** The steps this user walks through, for "第 n 步，共 m 步". */
export function plannedSteps(me: MeView, progress: OnboardingProgress): OnboardingStep[] {
  const steps: OnboardingStep[] = ['privacy', 'sensitive', 'role']
  if (me.role !== 'parent') steps.push('age')
  if (me.ageBand !== null && needsGuardianConsent(me.ageBand)) steps.push('guardian')
  if (progress.firstRun) steps.push('school')
  return steps
}
