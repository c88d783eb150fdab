import { pagePaths } from '../../navigation'

/**
 * The invitation the child is about to share. The page's share handler (useShareAppMessage must sit on
 * the page) reads it, so the card opens the guardian page with this token and nothing else.
 */
let currentToken: string | null = null

export function setSharedInvitation(token: string | null): void {
  currentToken = token
}

export function guardianSharePath(token: string): string {
  return `${pagePaths.guardianConsent}?token=${encodeURIComponent(token)}`
}

export function guardianShareMessage(): { title: string; path: string } {
  if (!currentToken) return { title: '心援', path: pagePaths.home }
  return { title: '请您确认：同意孩子使用心援心理咨询', path: guardianSharePath(currentToken) }
}
