import { messagePane } from "./messagePane";

describe("chat message pane", () => {
  it("shows loading, not the greeting prompt, until the first resume has answered", () => {
    expect(messagePane({ synced: false, failed: false, count: 0 })).toBe("loading");
    expect(messagePane({ synced: false, failed: false, count: 2 })).toBe("loading");
  });

  it("shows the error with a retry when the first resume was refused, whatever arrived live", () => {
    expect(messagePane({ synced: false, failed: true, count: 0 })).toBe("failed");
    expect(messagePane({ synced: false, failed: true, count: 1 })).toBe("failed");
  });

  it("invites a greeting only after a successful resume with no messages", () => {
    expect(messagePane({ synced: true, failed: false, count: 0 })).toBe("empty");
    expect(messagePane({ synced: true, failed: false, count: 3 })).toBe("messages");
  });

  it("keeps the messages already shown when a later resume fails, but never an empty list as if there were none", () => {
    expect(messagePane({ synced: true, failed: true, count: 3 })).toBe("messages");
    expect(messagePane({ synced: true, failed: true, count: 0 })).toBe("failed");
  });
});
