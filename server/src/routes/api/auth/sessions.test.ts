import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { appUsers, auditEvents, sessions } from "../../../db/schema";
import { startSession } from "../../../auth/sessionStore";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildStaff } from "../../../../../tests/support/factories";
import { loginStaff } from "../../../../../tests/support/staffSession";

const minute = 60_000;

describe("auth.sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  async function signIn() {
    const member = await buildStaff(t.db);
    const response = await loginStaff(t, member).expect(200);
    return { member, auth: { Authorization: `Bearer ${response.body.token as string}` } };
  }

  it("ends a staff session after 30 idle minutes", async () => {
    const { auth } = await signIn();
    t.clock.advance(29 * minute);
    await t.request.get("/api/v1/account").set(auth).expect(200);
    t.clock.advance(29 * minute);
    await t.request.get("/api/v1/account").set(auth).expect(200);
    t.clock.advance(31 * minute);
    const expired = await t.request.get("/api/v1/account").set(auth).expect(401);
    expect(expired.body.error.code).toBe("SESSION_EXPIRED");
    t.clock.advance(-31 * minute);
    const revoked = await t.request.get("/api/v1/account").set(auth).expect(401);
    expect(revoked.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("ends a staff session 12 hours after sign-in however active it is", async () => {
    const { auth } = await signIn();
    for (let elapsed = 25; elapsed < 12 * 60; elapsed += 25) {
      t.clock.advance(25 * minute);
      await t.request.get("/api/v1/account").set(auth).expect(200);
    }
    t.clock.advance(25 * minute);
    const expired = await t.request.get("/api/v1/account").set(auth).expect(401);
    expect(expired.body.error.code).toBe("SESSION_EXPIRED");
  });

  it("logout revokes the staff session and is audited", async () => {
    const { member, auth } = await signIn();
    await t.request.post("/api/v1/auth/logout").set(auth).expect(204);
    const after = await t.request.get("/api/v1/account").set(auth).expect(401);
    expect(after.body.error.code).toBe("UNAUTHENTICATED");
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "staff.logout"));
    expect(rows.some((row) => row.actorId === member.id)).toBe(true);
  });

  it("logout revokes a mini-program user's session too", async () => {
    const [user] = await t.db.insert(appUsers).values({ alias: `小树-${randomBytes(2).toString("hex")}` }).returning();
    const now = t.clock.now();
    const session = await startSession(t.db, { type: "user", id: user!.id }, now, new Date(now.getTime() + 24 * 60 * minute));
    await t.request.post("/api/v1/auth/logout").set("Authorization", `Bearer ${session.token}`).expect(204);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(row?.revokedAt).not.toBeNull();
  });

  it("logout without a session answers 204 and changes nothing", async () => {
    await t.request.post("/api/v1/auth/logout").expect(204);
    await t.request.post("/api/v1/auth/logout").set("Authorization", "Bearer not-a-token").expect(204);
  });
});
