import { chatRetryRule } from "@xinyuan/shared";
import { ApiError } from "../../request";
import { refusalOf } from "./staffChatTransport";

describe("the admin chat transport", () => {
  it("turns an offline or unanswered emit into a retry, never into a failed message", () => {
    for (const code of ["REALTIME_OFFLINE", "REALTIME_TIMEOUT"]) {
      const answer = refusalOf(new ApiError(code, "实时连接已断开，正在重新连接…", 0));
      expect(!answer.ok && chatRetryRule(answer.error)).toEqual({ kind: "retry", reason: "network" });
    }
    const thrown = refusalOf(new TypeError("boom"));
    expect(!thrown.ok && chatRetryRule(thrown.error)).toEqual({ kind: "retry", reason: "network" });
  });

  it("keeps the rate refusal's retryAfterMs, so the message waits and then goes out by itself", () => {
    const answer = refusalOf(new ApiError("CHAT_RATE_LIMITED", "发送太快了，稍等一下会自动发出。", 400, { code: "CHAT_RATE_LIMITED", message: "", retryAfterMs: 420 }));
    expect(answer).toEqual({ ok: false, error: { code: "CHAT_RATE_LIMITED", message: "发送太快了，稍等一下会自动发出。", retryAfterMs: 420 } });
    expect(!answer.ok && chatRetryRule(answer.error)).toEqual({ kind: "wait", reason: "rate", afterMs: 420 });
  });

  it("passes a refusal for good through with the server's sentence", () => {
    const answer = refusalOf(new ApiError("CHAT_CLOSED", "这次对话已经结束了。", 400));
    expect(answer).toEqual({ ok: false, error: { code: "CHAT_CLOSED", message: "这次对话已经结束了。" } });
    expect(!answer.ok && chatRetryRule(answer.error)).toEqual({ kind: "final" });
  });
});
