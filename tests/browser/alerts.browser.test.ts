/**
 * Attention on every admin page (the real admin build, real server, demo accounts): an on-duty counsellor
 * reading the roster is told of a new chat (badge in the header), and a supervisor on another page sees
 * the risk alert the same chat raised, acknowledges it from the header drawer, and the badge clears.
 * Needs the admin build: npm run build -w admin.
 */
import type { Page } from "playwright-core";
import { screenshot } from "../support/browser";
import { chatUser, startChat, newMessageId, type ChatTestServer } from "../support/chatFixtures";
import { adminViewport, browserSuite, signInAdmin } from "./support/browserSuite";

const sessionKey = "xinyuan.admin.session";

async function putOnDuty(page: Page): Promise<void> {
  const status = await page.evaluate(async (key) => {
    const session = JSON.parse(sessionStorage.getItem(key) ?? "null") as { token: string } | null;
    const response = await fetch("/api/v1/duty", { method: "PUT", headers: { Authorization: `Bearer ${session?.token ?? ""}`, "Content-Type": "application/json" }, body: JSON.stringify({ onDuty: true, channels: ["chat"], chatCapacity: 3 }) });
    return response.status;
  }, sessionKey);
  expect(status).toBe(200);
}

describe("web admin: notices and alerts reach staff on any page", () => {
  const suite = browserSuite({ admin: true });
  const pageErrors: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await suite.newContext(adminViewport(1366, 900));
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return page;
  }

  it("tells a counsellor on the roster page of a new chat, and a supervisor elsewhere of its risk alert until acknowledged", async () => {
    const { server } = suite;
    const counsellor = await newPage();
    const supervisor = await newPage();
    try {
      await signInAdmin(counsellor, server, "hotline");
      await putOnDuty(counsellor);
      await counsellor.goto(`${server.baseUrl}/admin/roster`);
      await counsellor.getByTestId("work-badge").waitFor();

      await signInAdmin(supervisor, server, "supervisor");
      await supervisor.goto(`${server.baseUrl}/admin/account`);
      await supervisor.getByRole("button", { name: "风险预警" }).waitFor();

      const t: ChatTestServer = { baseUrl: server.baseUrl, db: server.server.services.db, now: () => server.clock.now() };
      const student = await chatUser(t);
      const started = await startChat(t, student, { firstMessage: { clientMessageId: newMessageId(), body: "我不想活了" } });
      expect(started.outcome).toBe("assigned");

      // the counsellor, still on the roster page, gets the new-chat badge (and the page stays the roster)
      await counsellor.locator('[data-testid="work-badge"] .ant-badge-count').waitFor({ timeout: 10_000 });
      expect(await counsellor.locator('[data-testid="work-badge"] .ant-badge-count').innerText()).toContain("1");
      expect(counsellor.url()).toContain("/admin/roster");

      // the supervisor, on 我的账号, sees the alert badge, opens the drawer and takes it
      const badge = supervisor.locator('[data-testid="alert-badge"] .ant-badge-count');
      await badge.waitFor({ timeout: 10_000 });
      expect(await badge.innerText()).toContain("1");
      await supervisor.getByRole("button", { name: "风险预警" }).click();
      await supervisor.getByText(student.alias).waitFor();
      await supervisor.getByTestId("acknowledge-alert").click();
      await supervisor.getByText(/已确认处理/).waitFor();
      await badge.waitFor({ state: "detached", timeout: 10_000 });
      await screenshot(supervisor, "alerts-supervisor-acknowledged");
    } catch (error) {
      await screenshot(counsellor, "alerts-failure-counsellor").catch(() => undefined);
      await screenshot(supervisor, "alerts-failure-supervisor").catch(() => undefined);
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
