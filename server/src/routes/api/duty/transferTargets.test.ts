import { randomUUID } from "node:crypto";
import type { TransferTargetView } from "@xinyuan/shared";
import { conversations, hotlineTickets, staffLeave } from "../../../db/schema";
import { writeDuty } from "../../../presence/dutyState";
import { registerConnection } from "../../../presence/connectionRegistry";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildStaff } from "../../../../../tests/support/factories";
import { buildCaller, buildHotlineCounsellor, staffAuth } from "../../../../../tests/support/hotlineFixtures";

/** GET /duty/colleagues: who a call or chat can be handed to, by the rules the transfer itself applies. */
describe("transfer targets (GET /duty/colleagues)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const now = () => t.clock.now();
  const colleagues = async (auth: { Authorization: string }, channel: string) =>
    (await t.request.get("/api/v1/duty/colleagues").query({ channel }).set(auth).expect(200)).body as TransferTargetView[];

  it("lists hotline colleagues on duty and connected, free ones first, and leaves out leave, school staff, off-duty and oneself", async () => {
    const me = await buildHotlineCounsellor(t.db, now());
    const free = await buildHotlineCounsellor(t.db, now(), { displayName: "空闲老师" });
    const onCall = await buildHotlineCounsellor(t.db, now(), { displayName: "通话中老师" });
    const onLeave = await buildHotlineCounsellor(t.db, now());
    await t.db.insert(staffLeave).values({ staffId: onLeave.id, startsAt: new Date(now().getTime() - 3600_000), endsAt: new Date(now().getTime() + 3600_000) });
    const schoolCounsellor = await buildStaff(t.db, { roles: ["counsellor"], scope: "school" });
    await writeDuty(t.db, schoolCounsellor.id, { onDuty: true, channels: ["hotline"] }, now());
    await registerConnection(t.db, `test-${randomUUID()}`, schoolCounsellor.id, now());
    const offDuty = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    const caller = await buildCaller(t.db);
    await t.db.insert(hotlineTickets).values({ userId: caller.id, kind: "inbound", joinedAt: now(), firstReadyAt: now(), readyAt: now(), status: "claimed", claimedBy: onCall.id, claimedAt: now() });

    const listed = await colleagues(me.auth, "hotline");
    const mine = listed.filter((target) => [free.id, onCall.id].includes(target.id));
    expect(mine).toEqual([
      { id: free.id, name: "空闲老师", load: 0, capacity: 1, canTake: true },
      { id: onCall.id, name: "通话中老师", load: 1, capacity: 1, canTake: false },
    ]);
    const ids = listed.map((target) => target.id);
    for (const excluded of [me.id, onLeave.id, schoolCounsellor.id, offDuty.id]) expect(ids).not.toContain(excluded);
    expect(JSON.stringify(listed)).not.toMatch(/phone|username|openid/i);
  });

  it("lists chat colleagues with their load against their own capacity, and not those on hotline duty only", async () => {
    const me = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    const putOnChat = async (member: { id: string }, capacity: number) => {
      await writeDuty(t.db, member.id, { onDuty: true, channels: ["chat"], chatCapacity: capacity }, now());
      await registerConnection(t.db, `test-${randomUUID()}`, member.id, now());
    };
    await putOnChat(me, 3);
    const full = await buildStaff(t.db, { roles: ["counsellor"], scope: "county", displayName: "满员老师" });
    await putOnChat(full, 1);
    const roomy = await buildStaff(t.db, { roles: ["counsellor"], scope: "county", displayName: "有空老师" });
    await putOnChat(roomy, 2);
    const hotlineOnly = await buildHotlineCounsellor(t.db, now());
    const caller = await buildCaller(t.db);
    await t.db.insert(conversations).values({ userId: caller.id, status: "active", assignedStaffId: full.id, queuedAt: now(), lastActivityAt: now(), createdAt: now() });

    const listed = (await colleagues(await staffAuth(t.db, me), "chat")).filter((target) => [full.id, roomy.id, hotlineOnly.id].includes(target.id));
    expect(listed).toEqual([
      { id: roomy.id, name: "有空老师", load: 0, capacity: 2, canTake: true },
      { id: full.id, name: "满员老师", load: 1, capacity: 1, canTake: false },
    ]);
  });

  it("refuses an unknown channel with a clear code, and staff who do not counsel", async () => {
    const me = await buildHotlineCounsellor(t.db, now());
    const bad = await t.request.get("/api/v1/duty/colleagues").query({ channel: "letters" }).set(me.auth).expect(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const admin = await buildStaff(t.db, { roles: ["centre_admin"], scope: "county" });
    const refused = await t.request.get("/api/v1/duty/colleagues").query({ channel: "chat" }).set(await staffAuth(t.db, admin)).expect(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
  });
});
