import { appUsers } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { startSession } from "./sessionStore";

/** Issue 14 (Info): a student's session lasted 30 days however long the phone lay unused. */
describe("student sessions end after an idle limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ USER_IDLE_DAYS: "7" });
  });
  afterAll(() => t.close());
  const day = 24 * 3600_000;

  async function signedInStudent() {
    const [user] = await t.db.insert(appUsers).values({ alias: `小树-${Math.random().toString(36).slice(2, 8)}`, role: "student", ageBand: "14_17" }).returning();
    const now = t.clock.now();
    const { token } = await startSession(t.db, { type: "user", id: user!.id }, now, new Date(now.getTime() + 30 * day));
    return { Authorization: `Bearer ${token}` };
  }

  it("a session used every few days lives on; one left unused past the limit ends", async () => {
    const active = await signedInStudent();
    const idle = await signedInStudent();
    t.clock.advance(6 * day);
    await t.request.get("/api/v1/me").set(active).expect(200);
    t.clock.advance(2 * day);
    await t.request.get("/api/v1/me").set(active).expect(200);
    const ended = await t.request.get("/api/v1/me").set(idle).expect(401);
    expect(ended.body.error.code).toBe("SESSION_EXPIRED");
  });
});
