import type { Onboarding } from './useOnboarding'

export interface StepProps {
  flow: Onboarding
}
