import { existsSync } from "node:fs";
import type { BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { launchBrowser } from "../../support/browser";
import { adminDist, h5Dist, startTestServer, type TestServer } from "../../support/testServer";
import { totpCode } from "../../../server/src/auth/totp";
import { startFakeWechatPay, type FakeWechatPay } from "../../fakes/fakeWechatPayServer";

type LaunchedBrowser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * One browser test file's surroundings (call at describe level): the real server over a fresh database
 * with the demo data, and Debian's chromium, started once; every context opened through it closed at the
 * end. `builds` names the builds the file drives, so a missing one fails with the command to make it.
 * `options.wechatPay` puts the fake WeChat Pay merchant behind the server (payments on).
 */
export function browserSuite(builds: { admin?: boolean; h5?: boolean }, options: { wechatPay?: boolean } = {}) {
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let pay: FakeWechatPay | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (builds.admin && !existsSync(adminDist)) throw new Error("admin/dist is missing: run `npm run build -w admin` first");
    if (builds.h5 && !existsSync(h5Dist)) throw new Error("miniapp/dist/h5 is missing: run `npm run build:h5 -w miniapp` first");
    if (options.wechatPay) pay = await startFakeWechatPay();
    server = await startTestServer({ environment: pay?.environment() });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.cleanup();
    await server?.close();
    await pay?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser suite starts in beforeAll");
    return value;
  };
  return {
    get server(): TestServer {
      return started(server);
    },
    get browser(): LaunchedBrowser {
      return started(browser);
    },
    /** The fake WeChat Pay merchant (only with `options.wechatPay`). */
    get pay(): FakeWechatPay {
      return started(pay);
    },
    /** Every context opened so far (for failure screenshots). */
    contexts: contexts as readonly BrowserContext[],
    /** Keeps a context opened elsewhere (e.g. newPhoneContext) to close it at the end. */
    track(context: BrowserContext): BrowserContext {
      contexts.push(context);
      return context;
    },
    /** A new context, closed at the end of the file. */
    async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
      return this.track(await started(browser).newContext(options));
    },
  };
}

/** A desktop-sized context for the web admin. */
export const adminViewport = (width = 1440, height = 960): BrowserContextOptions => ({ viewport: { width, height }, locale: "zh-CN" });

/** Signs a demo account in to the web admin and waits for the greeting. */
export async function signInAdmin(page: Page, server: TestServer, username: string): Promise<void> {
  const account = server.account(username);
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByRole("textbox", { name: "用户名" }).fill(account.username);
  await page.getByLabel("密码", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  if (account.totpSecret) {
    // Supervisors and centre admins have a second factor (the demo enrols them): type the current code.
    // The code field is focused when the step opens and submits itself at the sixth digit. The code is
    // the one for the server's time (a test may have moved its clock).
    await page.getByText("请打开手机上的身份验证器").waitFor();
    await page.keyboard.type(totpCode(account.totpSecret, server.clock.now()));
  }
  await page.getByText(`你好，${account.displayName}`).waitFor();
}

/**
 * Picks an option of an Ant Design select by its title and waits until the select shows it. A click that
 * lands while the dropdown is still opening can be lost on a loaded machine (seen once in CI: the school
 * select stayed disabled because the area never took), so the pick is tried up to three times.
 */
export async function pickOption(page: Page, combobox: Locator, title: string): Promise<void> {
  const selector = selectorOf(combobox);
  // The selector, not the input: a select that already shows a value covers its input with that value.
  await pickUntilShown(selector, selector, page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: title }).first(), title);
}

/**
 * Picks a node of an Ant Design tree select (the contact-reason taxonomy) by its title, the same way (seen once
 * in CI: the chat's outcome form kept "请至少选择一个咨询原因分类"). The dropdown stays open (several reasons may be
 * chosen); callers close it by clicking elsewhere in the form.
 */
export async function pickTreeOption(page: Page, combobox: Locator, title: string): Promise<void> {
  await pickUntilShown(combobox, selectorOf(combobox), page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper[title="${title}"]`).first(), title);
}

const selectorOf = (combobox: Locator): Locator => combobox.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-select-selector ')][1]");

/** Opens the dropdown, clicks the option, and waits for the select to show it; up to three tries. */
async function pickUntilShown(opener: Locator, selector: Locator, option: Locator, title: string): Promise<void> {
  const shown = selector.locator(".ant-select-selection-item").filter({ hasText: title });
  for (let attempt = 1; ; attempt += 1) {
    await opener.click();
    await option.click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Calls the API as a student or staff member would (bearer token), failing loudly on an error answer. */
export async function api<T>(server: TestServer, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
