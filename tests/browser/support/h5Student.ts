import type { Browser, BrowserContext, Page } from "playwright-core";
import type { MeView } from "@xinyuan/shared";
import type { TestServer } from "../../support/testServer";

/** A student in the H5 build (/h5/): their page, and the session the app stored (for API checks). */
export interface H5Student {
  page: Page;
  token: string;
  me: MeView;
  /** Uncaught errors thrown in the page. */
  pageErrors: string[];
}

/** Taps the first element showing exactly `text` (Taro's H5 views are divs with click handlers). */
export const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).first().click();

/** Taro's H5 storage keeps `{ data }` JSON in localStorage. */
export async function storedValue(page: Page, key: string): Promise<string | null> {
  return page.evaluate((storageKey) => {
    const raw = localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as { data: string }).data : null;
  }, key);
}

/** The onboarding's role and age steps: "我是学生", then the given age band ("10–13 岁", "14–17 岁"). */
export async function chooseStudentAged(page: Page, ageLabel: string): Promise<void> {
  await page.getByText("你是？").waitFor();
  await tap(page, "我是学生");
  await tap(page, "下一步");
  await page.getByText("你现在多大了？").waitFor();
  await tap(page, ageLabel);
  await tap(page, "下一步");
}

/** A phone-sized context, as the students use it: Chinese, on Beijing time like every phone in the county. */
export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
}

/**
 * Opens /h5/ in `context` (the app logs in by itself with its demo code), goes through the first-run
 * consent steps as a 14–17 student (no guardian step), skips the school picker and waits for the home
 * page. Returns the page with the stored token and the server's view of the student.
 */
export async function openH5Student(context: BrowserContext, server: TestServer): Promise<H5Student> {
  const { page, pageErrors } = await agreeOnFirstRun(context, server);
  await chooseStudentAged(page, "14–17 岁");
  await page.getByText("你在哪所学校？").waitFor();
  await tap(page, "先跳过");
  await page.getByText("我现在需要帮助").waitFor();

  const token = await storedValue(page, "xinyuan.token");
  if (!token) throw new Error("the H5 app stored no session token");
  const response = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /me -> ${response.status}`);
  const me = (await response.json()) as MeView;
  if (me.role !== "student" || me.ageBand !== "14_17" || !me.canUseCounselling) throw new Error(`unexpected student after onboarding: ${JSON.stringify(me)}`);
  return { page, token, me, pageErrors };
}

/** A new page on /h5/ (page errors collected) through the two first-run consents, up to "你是？". */
async function agreeOnFirstRun(context: BrowserContext, server: TestServer): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(`${server.baseUrl}/h5/`);
  await page.getByText("先说说我们怎样保护你").waitFor();
  await tap(page, "我已阅读并同意");
  await page.getByText("关于敏感信息，需要你单独同意").waitFor();
  await tap(page, "我同意");
  return { page, pageErrors };
}

/** A parent in the H5 build: the page, the stored session and this browser's demo device id. */
export interface H5Parent {
  page: Page;
  token: string;
  deviceId: string;
  pageErrors: string[];
}

/** Like openH5Student, as a parent ("我是家长", no age step), skipping the child's school. */
export async function openH5Parent(context: BrowserContext, server: TestServer): Promise<H5Parent> {
  const { page, pageErrors } = await agreeOnFirstRun(context, server);
  await page.getByText("你是？").waitFor();
  await tap(page, "我是家长");
  await tap(page, "下一步");
  await page.getByText("孩子在哪所学校？").waitFor();
  await tap(page, "先跳过");
  await page.getByText("我现在需要帮助").waitFor();
  const token = await storedValue(page, "xinyuan.token");
  const deviceId = await storedValue(page, "xinyuan.deviceId");
  if (!token || !deviceId) throw new Error("the H5 app stored no session token or device id");
  return { page, token, deviceId, pageErrors };
}
