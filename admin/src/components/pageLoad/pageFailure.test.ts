import { describePageFailure, isChunkLoadError } from "./pageFailure";

describe("isChunkLoadError", () => {
  it.each([
    ["Chromium", new TypeError("Failed to fetch dynamically imported module: http://127.0.0.1/admin/assets/hotline-BbCelxTL.js")],
    ["Firefox", new TypeError("error loading dynamically imported module: http://127.0.0.1/admin/assets/hotline-BbCelxTL.js")],
    ["Safari", new TypeError("Importing a module script failed.")],
    ["Vite's CSS preload", new Error("Unable to preload CSS for /admin/assets/index-x1QRWE1f.css")],
  ])("recognises a page file that did not download (%s)", (_browser, error) => {
    expect(isChunkLoadError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["a bug in a page", new TypeError("Cannot read properties of undefined (reading 'map')")],
    ["a thrown string", "Failed to fetch dynamically imported module"],
    ["nothing at all", undefined],
  ])("does not blame the network for %s", (_case, error) => {
    expect(isChunkLoadError(error)).toBe(false);
  });
});

describe("describePageFailure", () => {
  it("asks to check the network and retry when the page file did not download", () => {
    const failure = describePageFailure(new TypeError("Failed to fetch dynamically imported module: /admin/assets/chats-C6thYaJV.js"));
    expect(failure).toMatchObject({ kind: "chunk", title: "页面没有加载成功，请检查网络后重试" });
  });

  it("says the page itself went wrong for any other error", () => {
    expect(describePageFailure(new Error("boom"))).toMatchObject({ kind: "crash", title: "页面出了点问题" });
  });
});
