import { mergeCursors, receiptFor } from "./receipts";

describe("chat receipts", () => {
  const cursors = { user: { deliveredSeq: 5, readSeq: 3 }, staff: { deliveredSeq: 9, readSeq: 9 } };

  it("shows read, delivered or sent for our own messages only", () => {
    expect(receiptFor({ seq: 3, from: "staff" }, cursors)).toBe("read");
    expect(receiptFor({ seq: 5, from: "staff" }, cursors)).toBe("delivered");
    expect(receiptFor({ seq: 6, from: "staff" }, cursors)).toBe("sent");
    expect(receiptFor({ seq: 2, from: "user" }, cursors)).toBeNull();
  });

  it("never moves a cursor backwards", () => {
    expect(mergeCursors(cursors, "user", { deliveredSeq: 4, readSeq: 4 }).user).toEqual({ deliveredSeq: 5, readSeq: 4 });
    expect(mergeCursors(null, "staff", { deliveredSeq: 1, readSeq: 0 }).staff).toEqual({ deliveredSeq: 1, readSeq: 0 });
  });
});
