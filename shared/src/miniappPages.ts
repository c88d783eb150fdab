import { routeQueryString } from "./api/routeUrl";

/**
 * Every mini-program page's path, in one place: the mini-program navigates with them and the server
 * points WeChat subscribe messages at them (without the leading slash, as WeChat wants). The main
 * package holds only the first screens (home, onboarding); everything else lives in a subpackage
 * (miniapp/src/app.config.ts). The weapp build test checks each one is a page of the built app.
 */
export const miniappPages = {
  home: "/pages/index/index",
  onboarding: "/pages/onboarding/index",
  hotline: "/packages/hotline/index",
  chat: "/packages/chat/index",
  letters: "/packages/letters/index",
  me: "/packages/me/index",
  /** Published content: an article, video, notice, event or material (?id=). */
  article: "/packages/articles/index",
  /** A campaign's page (?id=), e.g. the May Mental Health Month. */
  campaign: "/packages/articles/campaign",
  /** My event sign-ups. */
  mySignups: "/packages/articles/signups",
  /** Booking a counselling-room or expert time, and my bookings (?booking=). */
  appointments: "/packages/appointments/index",
  /** A guardian opens a child's consent invitation (?token=), from the share card or a copied link. */
  guardianConsent: "/packages/guardian/index",
  /** Neutral study tips: where "quick exit" lands. */
  studyTips: "/packages/tips/index",
} as const;

export type MiniappPage = keyof typeof miniappPages;

/** A page path as a WeChat subscribe message's `page` field wants it: no leading slash, optional query. */
export function subscribeMessagePage(page: MiniappPage, query: Record<string, string> = {}): string {
  return `${miniappPages[page].slice(1)}${routeQueryString(query)}`;
}
