/**
 * What the page boundary says when a route cannot be shown. A page's code arrives as its own file; on a
 * weak school network that download can drop, and after a deploy the old file is gone. Both are fixed by
 * loading the page again, so the staff member is told to check the network and retry. Anything else is
 * a fault in the page itself: blaming the network would send them looking in the wrong place.
 */

export interface PageFailure {
  kind: "chunk" | "crash";
  title: string;
  subTitle: string;
}

// Chromium: "Failed to fetch dynamically imported module"; Firefox: "error loading dynamically imported
// module"; Safari: "Importing a module script failed"; Vite's preload helper: "Unable to preload CSS".
const chunkLoadMessages = [/dynamically imported module/i, /importing a module script failed/i, /unable to preload css/i];

/** True when the error says a page's code file could not be downloaded (network drop, or a new deploy removed it). */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "ChunkLoadError") return true;
  return chunkLoadMessages.some((pattern) => pattern.test(error.message));
}

export function describePageFailure(error: unknown): PageFailure {
  if (isChunkLoadError(error)) {
    return { kind: "chunk", title: "页面没有加载成功，请检查网络后重试", subTitle: "网络不稳定或系统刚刚更新时会出现这种情况，重试会重新打开这个页面。" };
  }
  return { kind: "crash", title: "页面出了点问题", subTitle: "请点重试重新打开页面；如果一直这样，请联系中心管理员。" };
}
