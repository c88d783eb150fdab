/**
 * Every page's path, in one place. The main package holds only the first screens (home, onboarding);
 * everything else lives in a subpackage (see app.config.ts).
 */
export const pagePaths = {
  home: '/pages/index/index',
  onboarding: '/pages/onboarding/index',
  hotline: '/packages/hotline/index',
  chat: '/packages/chat/index',
  letters: '/packages/letters/index',
  me: '/packages/me/index',
  /** Neutral study tips: where "quick exit" lands. */
  studyTips: '/packages/tips/index',
} as const
