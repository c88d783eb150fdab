import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Where screenshots of browser tests are kept (a CI artefact). */
export const artifactsDir = join(__dirname, "../../test-artifacts");

/**
 * Debian's chromium, headless, with the flags that keep it off the closed network. Playwright gives each
 * launch a fresh temporary profile (it refuses --user-data-dir in args).
 */
export async function launchBrowser(): Promise<Browser & { cleanup(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return Object.assign(browser, {
    async cleanup() {
      await browser.close();
    },
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
