import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildSignedInStaff, loginStaff, randomClientIp } from "../../../tests/support/staffSession";

/** Issue 14 (Low): weak passwords were accepted, and lockout told which usernames exist. */
describe("password policy and lockout answers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  const change = (member: { auth: Record<string, string>; password: string }, newPassword: string) =>
    t.request.post("/api/v1/account/password").set(member.auth).set("X-Forwarded-For", randomClientIp()).send({ currentPassword: member.password, newPassword });

  it.each([
    ["password123", "a dictionary word and digits"],
    ["Password1234", "a dictionary word, capital and digits, 12 long"],
    ["           1", "eleven spaces and a digit"],
    ["qwertyuiop12", "a keyboard row"],
    ["woaini123456", "pinyin and a sequence"],
  ])("refuses %j (%s) with a Chinese reason", async (weak) => {
    const member = await buildSignedInStaff(t, {});
    const refused = await change(member, weak).expect(400);
    expect(["PASSWORD_TOO_WEAK", "VALIDATION_FAILED"]).toContain(refused.body.error.code);
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses the username plus a digit, and accepts a long unguessable phrase", async () => {
    const member = await buildSignedInStaff(t, {});
    const refused = await change(member, `${member.username}1`).expect(400);
    expect(refused.body.error.code).toBe("PASSWORD_TOO_WEAK");
    await change(member, "橘子-Lantern-river-47").expect(200);
  });

  it("answers a locked account exactly as an unknown username or a wrong password", async () => {
    const member = await buildSignedInStaff(t, {});
    const ip = randomClientIp();
    for (let attempt = 0; attempt < 5; attempt += 1) await loginStaff(t, { ...member, password: `wrong-${attempt}-password` }, ip);
    const locked = await loginStaff(t, { ...member, password: "wrong-again-password" }, ip);
    const unknown = await loginStaff(t, { username: "nobody_at_all", password: "wrong-again-password", totpSecret: null }, randomClientIp());
    const wrong = await loginStaff(t, { ...(await buildSignedInStaff(t, {})), password: "wrong-again-password" }, randomClientIp());
    expect([locked.status, locked.body]).toEqual([unknown.status, unknown.body]);
    expect([wrong.status, wrong.body]).toEqual([unknown.status, unknown.body]);
  });
});
