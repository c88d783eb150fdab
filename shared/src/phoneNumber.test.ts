import { normalisePhoneNumber, phoneNumber } from "./hotline";

describe("call-back numbers", () => {
  it.each([
    ["138 0013 8000", "13800138000"],
    ["+86 138-0013-8000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
    ["0818-7362000", "0818-7362000"],
    ["(0818) 736 2000", "0818-7362000"],
    ["08187362000", "0818-7362000"],
    ["010 12345678", "010-12345678"],
  ])("reads %s as %s, which the server accepts", (typed, canonical) => {
    expect(normalisePhoneNumber(typed)).toBe(canonical);
    expect(phoneNumber.safeParse(normalisePhoneNumber(typed)).success).toBe(true);
  });

  it.each(["1380013", "12356", "7362000", "0818-73620", "abc"])("refuses the incomplete %s", (typed) => {
    expect(phoneNumber.safeParse(normalisePhoneNumber(typed)).success).toBe(false);
  });
});
