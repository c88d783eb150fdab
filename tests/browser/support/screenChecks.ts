import type { Page } from "playwright-core";

/**
 * What a person must never meet on a screen, gathered while a test walks the product: uncaught errors
 * and console errors, requests that failed, English words where Chinese belongs, and anything wider
 * than the screen. `problems()` lists each with the page it was seen on.
 */
export interface ScreenWatch {
  /** Call after a screen has settled: checks its text and width and names it in later reports. */
  check(screen: string): Promise<void>;
  problems(): string[];
}

/** Words that are names, not English prose (product and file names, units). */
const allowedWords = new Set(["TOTP", "Excel", "PDF", "JPG", "PNG", "WebP", "WeChat", "QQ", "App", "ID", "IP", "CSV", "Wi", "Fi"]);

export function watchScreens(page: Page, options: { allowFailedRequest?: (url: string, status: number) => boolean; allowWords?: readonly string[] } = {}): ScreenWatch {
  const allowed = new Set([...allowedWords, ...(options.allowWords ?? [])]);
  const problems: string[] = [];
  let current = "(start)";
  page.on("pageerror", (error) => problems.push(`${current}: uncaught ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${current}: console error ${message.text().slice(0, 300)}`);
  });
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // a request cut short by leaving the page is not a failure a person sees
    if (failure.includes("ERR_ABORTED")) return;
    problems.push(`${current}: request failed ${request.method()} ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    const status = response.status();
    if (status < 400 || options.allowFailedRequest?.(response.url(), status)) return;
    problems.push(`${current}: ${status} from ${response.request().method()} ${response.url()}`);
  });
  return {
    async check(screen) {
      current = screen;
      const seen = await page.evaluate(() => {
        const text = document.body.innerText;
        const viewport = document.documentElement.clientWidth;
        const wide: string[] = [];
        for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          const style = getComputedStyle(element);
          if (style.visibility === "hidden" || style.position === "fixed") continue;
          // inside a scroller the overflow is the scroller's business (tables scroll sideways on purpose)
          let parent = element.parentElement;
          let scrolled = false;
          while (parent && parent !== document.body) {
            const overflowX = getComputedStyle(parent).overflowX;
            if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") {
              scrolled = true;
              break;
            }
            parent = parent.parentElement;
          }
          if (!scrolled && box.right > viewport + 1) wide.push(`${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)} (${Math.round(box.right)} > ${viewport})`);
        }
        return { text, wide: wide.slice(0, 3), pageWidth: document.documentElement.scrollWidth, viewport };
      });
      const english = (seen.text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((word) => !allowed.has(word));
      if (english.length > 0) problems.push(`${screen}: English on screen: ${[...new Set(english)].slice(0, 8).join(", ")}`);
      // 110/120 once, where a frightened reader looks: repeated, it reads as noise and hides the rest
      const emergencyMentions = (seen.text.match(/(?<!\d)110(?!\d)/g) ?? []).length;
      if (emergencyMentions > 1) problems.push(`${screen}: 110 appears ${emergencyMentions} times`);
      if (seen.pageWidth > seen.viewport + 1) problems.push(`${screen}: page is ${seen.pageWidth}px wide on a ${seen.viewport}px screen`);
      for (const element of seen.wide) problems.push(`${screen}: wider than the screen: ${element}`);
    },
    problems: () => [...problems],
  };
}
