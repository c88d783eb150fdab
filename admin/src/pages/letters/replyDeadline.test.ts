import { replyDeadlineTag } from "./replyDeadline";

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
