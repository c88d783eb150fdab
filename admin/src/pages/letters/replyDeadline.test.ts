import { replyDeadlineTag, replyTimeRow } from "./replyDeadline";

describe("letters list · reply deadline tag", () => {
  const dueAt = "2026-12-09T04:00:00.000Z";

  it("shows the deadline while a reply is owed, and 已超时 once it has passed", () => {
    expect(replyDeadlineTag({ status: "delivered", dueAt, overdue: false })).toEqual({ text: "12月9日前回复" });
    expect(replyDeadlineTag({ status: "read", dueAt, overdue: false })).toEqual({ text: "12月9日前回复" });
    expect(replyDeadlineTag({ status: "read", dueAt, overdue: true })).toEqual({ text: "已超时", color: "orange" });
  });

  it("shows no deadline on a letter already replied to or closed", () => {
    expect(replyDeadlineTag({ status: "replied", dueAt, overdue: false })).toBeNull();
    expect(replyDeadlineTag({ status: "closed", dueAt, overdue: false })).toBeNull();
  });
});

describe("letter detail · the time row", () => {
  const dueAt = "2026-12-09T04:00:00.000Z";
  const thread = [
    { from: "system", at: "2026-12-07T01:00:00.000Z" },
    { from: "staff", at: "2026-12-07T09:15:00.000Z" },
    { from: "writer", at: "2026-12-07T10:00:00.000Z" },
    { from: "staff", at: "2026-12-07T16:20:00.000Z" },
  ];

  it("shows 回复期限 (county time) only while a reply is owed", () => {
    expect(replyTimeRow({ status: "delivered", dueAt, messages: [] })).toEqual({ label: "回复期限", text: "12月9日 12:00" });
    expect(replyTimeRow({ status: "read", dueAt, messages: thread })).toEqual({ label: "回复期限", text: "12月9日 12:00" });
  });

  it("shows when the latest reply went out once the letter is answered, and nothing for one closed unanswered", () => {
    expect(replyTimeRow({ status: "replied", dueAt, messages: thread })).toEqual({ label: "回信时间", text: "12月8日 00:20" });
    expect(replyTimeRow({ status: "closed", dueAt, messages: thread })).toEqual({ label: "回信时间", text: "12月8日 00:20" });
    expect(replyTimeRow({ status: "closed", dueAt, messages: thread.slice(0, 1) })).toBeNull();
  });
});
