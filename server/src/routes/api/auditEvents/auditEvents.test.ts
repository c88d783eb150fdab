import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildStaff } from "../../../../../tests/support/factories";
import { buildSignedInStaff, loginStaff } from "../../../../../tests/support/staffSession";

interface EventBody {
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetId: string | null;
  targetName: string | null;
  at: string;
}

describe("auditEvents.list", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
    admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
  });
  afterAll(() => t.close());

  const search = (auth: { Authorization: string }, query: Record<string, string | number>) => t.request.get("/api/v1/audit-events").query(query).set(auth);

  it("finds logins and failed logins by action prefix, newest first, with the actor's name", async () => {
    const member = await buildStaff(t.db);
    await loginStaff(t, { ...member, password: "wrong-password-1" }).expect(401);
    t.clock.advance(1_000);
    await loginStaff(t, member).expect(200);

    const response = await search(admin.auth, { action: "staff.login", targetId: member.id }).expect(200);
    const events = response.body.items as EventBody[];
    expect(events.map((event) => event.action)).toEqual(["staff.login", "staff.login.failed"]);
    expect(events[0]).toMatchObject({ actorId: member.id, actorName: expect.stringContaining("测试老师") });
    // The log screen names the subject (a staff member by name), not only its UUID.
    expect(events[1]).toMatchObject({ targetId: member.id, targetName: expect.stringContaining("测试老师") });
    const oldestFirst = await search(admin.auth, { action: "staff.login", targetId: member.id, sort: "at" }).expect(200);
    expect((oldestFirst.body.items as EventBody[]).map((event) => event.action)).toEqual(["staff.login.failed", "staff.login"]);
  });

  it("pages and filters by time", async () => {
    const member = await buildStaff(t.db);
    // Audit rows are stamped by the database's clock, not the test's adjustable one.
    const start = new Date();
    for (let index = 0; index < 3; index += 1) {
      t.clock.advance(1_000);
      await loginStaff(t, member).expect(200);
    }
    const page = await search(admin.auth, { action: "staff.login", targetId: member.id, pageSize: 2, page: 2 }).expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    const none = await search(admin.auth, { targetId: member.id, to: start.toISOString() }).expect(200);
    expect(none.body.total).toBe(0);
    const since = await search(admin.auth, { targetId: member.id, action: "staff.login", from: start.toISOString() }).expect(200);
    expect(since.body.total).toBe(3);
  });

  it("shows a narrower scope only events of its own staff, and records every search", async () => {
    const area = await buildArea(t.db);
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "area", areaId: area.id });
    const own = await buildStaff(t.db, { scope: "area", areaId: area.id });
    const other = await buildStaff(t.db, { scope: "area" });
    await loginStaff(t, own).expect(200);
    await loginStaff(t, other).expect(200);

    const seen = await search(supervisor.auth, { action: "staff.login", pageSize: 100 }).expect(200);
    const targets = (seen.body.items as EventBody[]).map((event) => event.targetId);
    expect(targets).toContain(own.id);
    expect(targets).not.toContain(other.id);

    const searches = await search(admin.auth, { action: "audit.search", actorId: supervisor.id }).expect(200);
    expect(searches.body.total).toBe(1);
  });

  it("refuses counsellors and editors", async () => {
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor", "editor"], scope: "county" });
    expect((await search(counsellor.auth, {}).expect(403)).body.error.code).toBe("FORBIDDEN");
  });
});
