import { concernKey, concernKindLabel, concernVerdictLabel } from "./caseConcernLabels";

const conversationId = "6f1c2f0e-8a53-4a7e-9d39-1d2b6d0d1a11";
const letterId = "0b7f2a55-3a4c-4d9e-8c71-52d3c7c1f0b2";

describe("引发关注的内容 labels", () => {
  it("names each kind of item in Chinese, telling a letter from a reply in its thread", () => {
    expect(concernKindLabel({ kind: "chat_message", conversationId, seq: 3 })).toBe("聊天中学生的一句话");
    expect(concernKindLabel({ kind: "letter_message", letterId, seq: 0 })).toBe("来信");
    expect(concernKindLabel({ kind: "letter_message", letterId, seq: 2 })).toBe("来信后的追加留言");
    expect(concernKindLabel({ kind: "callback_topic", ticketId: letterId })).toBe("预约回拨时留下的主题");
  });

  it("says the detector's level and categories, or that only a counsellor flagged it", () => {
    expect(concernVerdictLabel({ detectedLevel: "high", detectedCategories: ["suicide", "self_harm"], flaggedBy: "detector" })).toBe("高风险 · 自杀风险、自伤");
    expect(concernVerdictLabel({ detectedLevel: "medium", detectedCategories: [], flaggedBy: "detector" })).toBe("中风险");
    expect(concernVerdictLabel({ detectedLevel: "none", detectedCategories: [], flaggedBy: "counsellor" })).toBe("系统未识别 · 咨询师标记为风险");
  });

  it("gives every item its own key", () => {
    const keys = [
      concernKey({ kind: "chat_message", conversationId, seq: 1 }),
      concernKey({ kind: "chat_message", conversationId, seq: 2 }),
      concernKey({ kind: "letter_message", letterId, seq: 1 }),
      concernKey({ kind: "callback_topic", ticketId: letterId }),
    ];
    expect(new Set(keys).size).toBe(4);
  });
});
