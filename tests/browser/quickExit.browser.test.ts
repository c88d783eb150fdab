/**
 * 快速离开 on a phone (H5 build, 390×844): a student chatting with a counsellor (the admin build, on duty)
 * taps 快速离开. The page turns at once into plain study tips; the counsellor reads in the chat, calmly,
 * that the student stepped away and the chat goes on. Back from the study tips goes home (never straight
 * into the chat), and home offers "回到刚才的对话", which opens the same chat with everything in it; the
 * student goes on writing and the counsellor receives it. Once back, home no longer offers the way back.
 * Needs both builds: npm run build -w admin and npm run build:h5 -w miniapp.
 */
import { chatSystemLines, type UserConversationView } from "@xinyuan/shared";
import { screenshot } from "../support/browser";
import { adminViewport, api, browserSuite, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student, storedValue, tap, type H5Student } from "./support/h5Student";

const first = "老师，我想说说家里的事";
const afterwards = "我回来了，刚才我妈进来了";

describe("chat: 快速离开 tells the counsellor and leaves a way back from home", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("turns to the study tips, tells the counsellor, goes home on back and returns to the open chat from home", async () => {
    const { server } = suite;
    const context = await suite.newContext(adminViewport(1440, 1000));
    const admin = await context.newPage();
    const adminErrors: string[] = [];
    admin.on("pageerror", (error) => adminErrors.push(error.stack ?? error.message));
    let student: H5Student | undefined;
    try {
      // A county counsellor goes on duty for chat.
      await signInAdmin(admin, server, "hotline");
      await admin.getByRole("menuitem", { name: "在线咨询" }).click();
      await admin.getByText("现在没有同学在排队。").waitFor();
      await admin.getByTestId("duty-toggle").click();
      await admin.getByRole("switch", { name: "上岗" }).click();
      await admin.getByTestId("duty-toggle").getByText("值班中", { exact: false }).waitFor();
      await admin.getByTestId("duty-toggle").click();

      // The student starts a chat on the phone and is with the counsellor.
      student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
      const h5 = student.page;
      await tap(h5, "匿名在线咨询");
      await h5.locator('textarea[placeholder="可以先写下想聊的事（也可以不写）"]').fill(first);
      await tap(h5, "开始聊天");
      await h5.getByText("老师在这里陪着你", { exact: true }).waitFor();
      await admin.getByText(first).waitFor();
      const [conversation] = await api<UserConversationView[]>(server, "GET", "/me/chats", student.token);

      // 快速离开: plain study tips at once; the counsellor is told in the chat.
      await tap(h5, "快速离开");
      await h5.getByText("高效学习小贴士", { exact: true }).waitFor();
      expect(await h5.getByText(first).count()).toBe(0);
      expect(await storedValue(h5, "xinyuan.leftChat")).toBe(conversation!.id);
      await screenshot(h5, "quick-exit-1-tips");
      await admin.getByText(chatSystemLines.leftQuickly).waitFor();
      await screenshot(admin, "quick-exit-2-counsellor");
      expect((await api<UserConversationView>(server, "GET", `/me/chats/${conversation!.id}`, student.token)).status).toBe("active");

      // Back from the tips goes home, not into the chat; home offers the way back.
      const bar = h5.locator("#taro-navigation-bar.taro-navigation-bar-show");
      await bar.locator(".taro-navigation-bar-home, .taro-navigation-bar-back").filter({ visible: true }).first().click();
      await h5.getByText("我现在需要帮助").waitFor();
      expect(await h5.getByText(first).count()).toBe(0);
      await h5.getByText("回到刚才的对话", { exact: true }).waitFor();
      await screenshot(h5, "quick-exit-3-home");
      const card = await h5.locator(".home-entry--return").boundingBox();
      expect(card).not.toBeNull();
      expect(card!.x + card!.width).toBeLessThanOrEqual(390);

      // The way back opens the same chat with what was said; the student goes on and the counsellor reads it.
      await tap(h5, "回到刚才的对话");
      await h5.getByText(first, { exact: true }).waitFor();
      await h5.getByText(chatSystemLines.leftQuickly, { exact: true }).waitFor();
      await h5.locator('textarea[placeholder="想说什么都可以，慢慢打字"]').fill(afterwards);
      await tap(h5, "发送");
      await admin.getByText(afterwards).waitFor();
      const chats = await api<UserConversationView[]>(server, "GET", "/me/chats", student.token);
      expect(chats.filter((chat) => chat.status !== "closed").map((chat) => chat.id)).toEqual([conversation!.id]);

      // Home again: nothing left to return to (the student is back in the chat already).
      expect(await storedValue(h5, "xinyuan.leftChat")).toBeNull();
      await h5.goto(`${server.baseUrl}/h5/`);
      await h5.getByText("我现在需要帮助").waitFor();
      await h5.waitForTimeout(500);
      expect(await h5.getByText("回到刚才的对话", { exact: true }).count()).toBe(0);
      expect(adminErrors).toEqual([]);
      expect(student.pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(admin, "quick-exit-failure").catch(() => undefined);
      if (student) await screenshot(student.page, "quick-exit-h5-failure").catch(() => undefined);
      const errors = [...adminErrors, ...(student?.pageErrors ?? [])];
      if (errors.length > 0) throw new Error(`${String(error)}\npage errors: ${errors.join("\n")}`);
      throw error;
    }
  }, 150_000);
});
