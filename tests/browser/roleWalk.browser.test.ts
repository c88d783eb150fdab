/**
 * Every screen as each kind of person meets it (issue 18): a student on a phone, an under-14 waiting for
 * a guardian, a counsellor, a supervisor and a centre admin each walk every menu entry or page, and the
 * walk fails on any uncaught or console error, failed request, English word on screen, or element wider
 * than the screen. New menu entries and mini-program pages are walked without changing this file.
 * Needs the admin and H5 builds.
 */
import type { Page } from "playwright-core";
import { miniappPages } from "@xinyuan/shared";
import { screenshot } from "../support/browser";
import { adminViewport, browserSuite, signInAdmin } from "./support/browserSuite";
import { chooseStudentAged, newPhoneContext, openH5Student, tap } from "./support/h5Student";
import { watchScreens } from "./support/screenChecks";

/** Lets the page finish what it loads before it is judged. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

describe("every screen, as each person meets it", () => {
  const suite = browserSuite({ admin: true, h5: true });

  async function walkAdmin(username: string): Promise<string[]> {
    const context = await suite.newContext(adminViewport());
    const page = await context.newPage();
    // Signing in is judged by the sign-in tests (its two steps answer 401 until the code is given); the
    // walk judges the screens after it. Usernames are data, not English prose.
    await signInAdmin(page, suite.server, username);
    const watch = watchScreens(page, { allowWords: suite.server.demoAccounts.map((account) => account.username) });
    await settle(page);
    await watch.check(`${username} 工作台`);
    const entries = await page.locator(".ant-layout-sider .ant-menu-item").allInnerTexts();
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) {
      const title = entry.trim();
      await page.locator(".ant-layout-sider .ant-menu-item").filter({ hasText: title }).first().click();
      await settle(page);
      await watch.check(`${username} ${title}`);
    }
    await screenshot(page, `walk-${username}`);
    return watch.problems();
  }

  it.each(["counsellor", "supervisor", "admin"])("the %s account walks every menu entry without an error, English or overflow", async (username) => {
    expect(await walkAdmin(username)).toEqual([]);
  });

  it("on a 1366×768 laptop the centre admin reaches every menu entry, the last one too (not hidden under the collapse button)", async () => {
    const context = await suite.newContext(adminViewport(1366, 768));
    const page = await context.newPage();
    // the walk above signed the admin in moments ago: a new 30-second step, so its code is not a replay
    suite.server.clock.advance(30_000);
    await signInAdmin(page, suite.server, "admin");
    const entries = page.locator(".ant-layout-sider .ant-menu-item");
    const last = entries.last();
    expect((await last.innerText()).trim()).toBe("我的账号");
    await last.click({ timeout: 5_000 });
    await page.waitForURL(/\/admin\/account/);
  });

  it("a student on a phone opens every page of the app", async () => {
    const context = suite.track(await newPhoneContext(suite.browser));
    const student = await openH5Student(context, suite.server);
    const watch = watchScreens(student.page);
    await watch.check("首页");
    for (const [name, path] of Object.entries(miniappPages)) {
      if (name === "onboarding") continue;
      await student.page.goto(`${suite.server.baseUrl}/h5/#${path}`);
      await settle(student.page);
      await watch.check(`学生 ${name}`);
      if (name === "home") continue;
      // in a browser there is no WeChat bar: the page has its own title bar with a way back or home
      const bar = student.page.locator("#taro-navigation-bar.taro-navigation-bar-show");
      await bar.waitFor();
      const title = bar.locator(".taro-navigation-bar-title");
      expect((await title.innerText()).trim().length).toBeGreaterThan(0);
      // the whole title shows on a phone, not "热线排…"
      expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect(await bar.locator(".taro-navigation-bar-home, .taro-navigation-bar-back").filter({ visible: true }).count()).toBeGreaterThan(0);
    }
    await screenshot(student.page, "walk-student");
    expect(watch.problems()).toEqual([]);
  });

  it("offline, a tap on 我的 says the page could not open, offers to try again and keeps the numbers to call", async () => {
    const context = suite.track(await newPhoneContext(suite.browser));
    const student = await openH5Student(context, suite.server);
    await context.setOffline(true);
    await student.page.locator(".home-header__me").click();
    const failed = student.page.getByRole("alertdialog");
    await failed.getByText("页面没能打开").waitFor();
    expect(await failed.getByText("再试一次", { exact: true }).count()).toBe(1);
    expect(await failed.getByText(/12356/).count()).toBeGreaterThan(0);
    await screenshot(student.page, "walk-offline");
    await context.setOffline(false);
    expect(student.pageErrors).toEqual([]);
  });

  it("an under-14 waiting for a guardian meets the guardian step, and every page still offers help", async () => {
    const context = suite.track(await newPhoneContext(suite.browser));
    const page = await context.newPage();
    const watch = watchScreens(page);
    await page.goto(`${suite.server.baseUrl}/h5/`);
    await page.getByText("先说说我们怎样保护你").waitFor();
    await tap(page, "我已阅读并同意");
    await page.getByText("关于敏感信息，需要你单独同意").waitFor();
    await tap(page, "我同意");
    await chooseStudentAged(page, "10–13 岁");
    await page.getByText("请爸爸妈妈或其他监护人看一看").waitFor();
    await watch.check("监护人这一步");
    for (const [name, path] of Object.entries(miniappPages)) {
      if (name === "onboarding") continue;
      await page.goto(`${suite.server.baseUrl}/h5/#${path}`);
      await settle(page);
      await watch.check(`未满14岁 ${name}`);
      // whatever waits for the guardian, a number to call is on every page
      expect(await page.getByText(/12356|110/).count()).toBeGreaterThan(0);
    }
    await screenshot(page, "walk-under14");
    expect(watch.problems()).toEqual([]);
  });
});
