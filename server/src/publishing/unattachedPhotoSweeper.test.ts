import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { auditEvents, publishingUploads } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildSchool, buildStaff } from "../../../tests/support/factories";
import { staffAuth } from "../../../tests/support/hotlineFixtures";
import { unattachedPhotoSweeper } from "./unattachedPhotoSweeper";

describe("unattachedPhotoSweeper", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), "xinyuan-photo-sweep-")) });
  });
  afterAll(() => t.close());
  // Moving the clock would also end the staff sessions; the uploads are made older instead.
  const ageUploads = (hours: number) => t.db.update(publishingUploads).set({ createdAt: sql`${publishingUploads.createdAt} - make_interval(hours => ${hours})` });

  it("erases a report photo never attached to a report 48 hours after upload, keeps attached ones, and audits the count", async () => {
    const school = await buildSchool(t.db);
    const counsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: school.id, areaId: school.areaId }));
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#88aacc" } }).jpeg().toBuffer();
    const upload = async () => (await t.request.post("/api/v1/publishing/uploads?purpose=activity_report").set(counsellor).set("Content-Type", "image/jpeg").send(photo).expect(201)).body.id as string;
    const attached = await upload();
    const abandoned = await upload();
    await t.request.post("/api/v1/publishing/activity-reports").set(counsellor).send({ title: "班会", heldOn: "2026-05-14", participants: 30, photoUploadIds: [attached] }).expect(201);

    // Within 48 hours the form may still be sent: nothing goes.
    expect(await unattachedPhotoSweeper({ services: t.services })).toBe(0);
    await t.request.get(`/api/v1/publishing/report-photos/${abandoned}`).set(counsellor).expect(200);

    await ageUploads(49);
    expect(await unattachedPhotoSweeper({ services: t.services })).toBe(1);
    expect(await unattachedPhotoSweeper({ services: t.services })).toBe(0);
    const left = await t.db.select({ id: publishingUploads.id }).from(publishingUploads).where(eq(publishingUploads.purpose, "activity_report"));
    expect(left.map((row) => row.id)).toEqual([attached]);
    await t.request.get(`/api/v1/publishing/report-photos/${abandoned}`).set(counsellor).expect(404);
    await t.request.get(`/api/v1/publishing/report-photos/${attached}`).set(counsellor).expect(200);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "activity_report.photo.erase_unattached"));
    expect(audits.map((row) => row.detail)).toEqual([{ count: 1 }]);

    // An abandoned photo can no longer be attached; the user is asked to upload again.
    const refused = await t.request.post("/api/v1/publishing/activity-reports").set(counsellor).send({ title: "晚到的上报", heldOn: "2026-05-15", participants: 10, photoUploadIds: [abandoned] }).expect(400);
    expect(refused.body.error.message).toBe("照片没有上传成功，请重新上传。");
  });

  it("shares the work between two sweeps running at once: each photo is erased once", async () => {
    const school = await buildSchool(t.db);
    const counsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: school.id, areaId: school.areaId }));
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#aa8866" } }).jpeg().toBuffer();
    for (let i = 0; i < 6; i += 1) await t.request.post("/api/v1/publishing/uploads?purpose=activity_report").set(counsellor).set("Content-Type", "image/jpeg").send(photo).expect(201);
    await ageUploads(49);
    const counts = await Promise.all([unattachedPhotoSweeper({ services: t.services, limit: 4 }), unattachedPhotoSweeper({ services: t.services, limit: 4 })]);
    const third = await unattachedPhotoSweeper({ services: t.services });
    expect(counts[0] + counts[1] + third).toBe(6);
  });
});
