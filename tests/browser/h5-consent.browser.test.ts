/**
 * A student opens the H5 build (/h5/, served by the real server over a fresh database), goes through
 * the first-run consent steps as an under-14 with a guardian, and reaches the home page. Needs the H5
 * build: npm run build:h5 -w miniapp. Screenshots go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import type { MeView } from "@xinyuan/shared";
import { screenshot } from "../support/browser";
import { browserSuite } from "./support/browserSuite";
import { chooseStudentAged, newPhoneContext, openH5Student, storedValue, tap } from "./support/h5Student";

async function meFromServer(page: Page, token: string): Promise<MeView> {
  return page.evaluate(async (bearer) => {
    const response = await fetch("/api/v1/me", { headers: { Authorization: `Bearer ${bearer}` } });
    return (await response.json()) as MeView;
  }, token);
}

describe("H5 app: a student's first run", () => {
  const suite = browserSuite({ h5: true });

  it("goes through consent, including the under-14 guardian step, and sees the home page", async () => {
    const { server } = suite;
    const context = suite.track(await newPhoneContext(suite.browser));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${server.baseUrl}/h5/`);
    await page.getByText("先说说我们怎样保护你").waitFor();
    await screenshot(page, "h5-consent-1-privacy");
    await tap(page, "我已阅读并同意");

    await page.getByText("关于敏感信息，需要你单独同意").waitFor();
    await tap(page, "我同意");

    await chooseStudentAged(page, "10–13 岁");

    await page.getByText("请爸爸妈妈或其他监护人看一看").waitFor();
    await tap(page, "母亲");
    await page.locator('input[placeholder="监护人姓名"]').fill("李梅");
    await page.getByText(/我是孩子的监护人/).click();
    await screenshot(page, "h5-consent-2-guardian");
    await tap(page, "监护人同意");

    await page.getByText("你在哪所学校？").waitFor();
    await tap(page, "先跳过"); // the optional school picker has its own component test

    await page.getByText("我现在需要帮助").waitFor();
    for (const text of ["热线排队 / 回拨", "匿名在线咨询", "给学校信箱写信", "12356", "12355", "12320", "110", "120"]) {
      await expect(page.getByText(text, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await screenshot(page, "h5-home");

    const deviceId = await storedValue(page, "xinyuan.deviceId");
    const token = await storedValue(page, "xinyuan.token");
    expect(deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(token).toBeTruthy();
    const me = await meFromServer(page, token ?? "");
    expect(me).toMatchObject({ role: "student", ageBand: "10_13", missingConsents: [], canUseCounselling: true });
    expect(me.consents.map((consent) => consent.kind).sort()).toEqual(["guardian", "privacy", "sensitive"]);
    expect(me.consents.find((consent) => consent.kind === "guardian")?.guardianRelation).toBe("mother");
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("brings the home back after a quick 返回 from another page (no blank screen)", async () => {
    const student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), suite.server);
    const { page } = student;
    // Taro's H5 router hid the page behind a new one on a timer after its slide: back within the slide, the
    // timer then hid the home again (publishing.browser.test caught it under load). Back at once, every time.
    for (let round = 0; round < 3; round += 1) {
      await tap(page, "给学校信箱写信");
      await page.waitForURL(/packages\/letters/);
      await page.goBack();
      await page.waitForURL(/pages\/index\/index/);
      await page.waitForTimeout(800); // longer than a slide's timer would have been
      await expect(page.getByText("我现在需要帮助").isVisible()).resolves.toBe(true);
    }
    expect(student.pageErrors).toEqual([]);
  });
});
