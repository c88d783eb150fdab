import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { PublicationReadView, PublicationStaffView, PublishingHomeView } from "@xinyuan/shared";
import { auditEvents, eventSignups, publications, schools } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSchool, buildStaff } from "../../../../../tests/support/factories";
import { staffAuth } from "../../../../../tests/support/hotlineFixtures";
import { signInConsentedUser } from "../../../../../tests/support/userSession";
import { buildCaller } from "../../../../../tests/support/hotlineFixtures";
import { sessionTokenFor } from "../../../../../tests/support/sessions";
import { scheduledPublisher } from "../../../publishing/scheduledPublisher";
import { publishedCacheOf } from "../../../publishing/publishedCache";
import { openDatabase } from "../../../db/openDatabase";
import { buildServices } from "../../../buildServices";
import { createApp } from "../../../app";
import { createLogger } from "../../../logger";
import { startPublishingListener } from "../../../publishing/publishingListener";
import supertest from "supertest";

type Auth = { Authorization: string };

describe("publishing (HTTP)", () => {
  let t: TestApp;
  let editor: Auth;
  let reviewer: Auth;
  let admin: Auth;
  let counsellor: Auth;
  let school: Awaited<ReturnType<typeof buildSchool>>;
  let otherSchool: Awaited<ReturnType<typeof buildSchool>>;
  let schoolEditor: Auth;
  let otherSchoolEditor: Auth;
  let schoolReviewer: Auth;

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), "xinyuan-publishing-")) });
    const as = async (props: Parameters<typeof buildStaff>[1]) => staffAuth(t.db, await buildStaff(t.db, props));
    school = await buildSchool(t.db, { stage: "junior" });
    otherSchool = await buildSchool(t.db, { stage: "senior" });
    editor = await as({ roles: ["editor"] });
    reviewer = await as({ roles: ["reviewer"] });
    admin = await as({ roles: ["centre_admin"] });
    counsellor = await as({ roles: ["counsellor"] });
    schoolEditor = await as({ roles: ["editor"], scope: "school", schoolId: school.id, areaId: school.areaId });
    otherSchoolEditor = await as({ roles: ["editor"], scope: "school", schoolId: otherSchool.id, areaId: otherSchool.areaId });
    schoolReviewer = await as({ roles: ["reviewer"], scope: "school", schoolId: school.id, areaId: school.areaId });
  });
  afterAll(() => t.close());

  /** Students straight in the database (the WeChat login is rate limited per IP, and is not what these tests are about). */
  const studentOf = async (schoolId: string) => {
    const caller = await buildCaller(t.db, { schoolId });
    return { ...caller, auth: { Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "user", id: caller.id })}` } };
  };
  const article = (extra: Record<string, unknown> = {}) => ({ kind: "article", title: "五月，和情绪做朋友", summary: "认识情绪", bodyHtml: "<p>情绪没有好坏。</p>", ...extra });
  const create = async (auth: Auth, body: Record<string, unknown> = article()) => (await t.request.post("/api/v1/publishing/publications").set(auth).send(body).expect(201)).body as PublicationStaffView;
  const act = (auth: Auth, id: string, verb: string, body: Record<string, unknown> = {}) => t.request.post(`/api/v1/publishing/publications/${id}/${verb}`).set(auth).send(body);
  const publishNew = async (body: Record<string, unknown> = article(), by: Auth = editor) => {
    const item = await create(by, body);
    await act(by, item.id, "submit").expect(200);
    await act(reviewer, item.id, "review", { decision: "approve" }).expect(200);
    return (await act(by === editor ? reviewer : by, item.id, "publish").expect(200)).body as PublicationStaffView;
  };

  describe("workflow permissions", () => {
    it("lets editors write and submit, reviewers send back and publish, and no one skip a step", async () => {
      const item = await create(editor);
      expect(item).toMatchObject({ status: "draft", version: 1, can: { edit: true, submit: true, publish: false } });
      await t.request.post("/api/v1/publishing/publications").set(reviewer).send(article()).expect(403);
      await t.request.post("/api/v1/publishing/publications").set(counsellor).send(article()).expect(403);
      await act(reviewer, item.id, "publish").expect(409);
      await act(reviewer, item.id, "review", { decision: "approve" }).expect(409);
      await act(editor, item.id, "submit").expect(200);
      await act(editor, item.id, "review", { decision: "approve" }).expect(403);
      const noComment = await act(reviewer, item.id, "review", { decision: "send_back" }).expect(400);
      expect(noComment.body.error.code).toBe("VALIDATION_FAILED");
      const back = (await act(reviewer, item.id, "review", { decision: "send_back", comment: "请加上求助渠道" }).expect(200)).body as PublicationStaffView;
      expect(back).toMatchObject({ status: "draft", reviewComment: "请加上求助渠道" });
      const edited = (await t.request.put(`/api/v1/publishing/publications/${item.id}`).set(editor).send({ version: 1, content: article({ title: "五月，和情绪做朋友（修订）" }) }).expect(200)).body as PublicationStaffView;
      expect(edited.version).toBe(2);
      await t.request.put(`/api/v1/publishing/publications/${item.id}`).set(editor).send({ version: 1, content: article() }).expect(409);
      await act(editor, item.id, "submit").expect(200);
      await act(reviewer, item.id, "review", { decision: "approve" }).expect(200);
      await act(editor, item.id, "publish").expect(403);
      await act(admin, item.id, "publish").expect(403);
      const published = (await act(reviewer, item.id, "publish").expect(200)).body as PublicationStaffView;
      expect(published.status).toBe("published");
      await t.request.get(`/api/v1/publishing/publications/${item.id}`).set(admin).expect(200);
      const versions = (await t.request.get(`/api/v1/publishing/publications/${item.id}/versions`).set(editor).expect(200)).body as Array<{ action: string }>;
      expect(versions.map((version) => version.action)).toEqual(["published", "approved", "submitted", "edited", "sent_back", "submitted", "created"]);
      await act(editor, item.id, "archive").expect(403);
      expect((await act(reviewer, item.id, "archive").expect(200)).body.status).toBe("archived");
    });

    it("keeps a school's editor to their own school, publishing only after county review", async () => {
      const wide = await t.request.post("/api/v1/publishing/publications").set(schoolEditor).send(article({ audience: { scope: "area", areaIds: [school.areaId] } })).expect(403);
      expect(wide.body.error.code).toBe("PUBLICATION_SCOPE_INVALID");
      const own = await create(schoolEditor);
      expect(own.audience).toMatchObject({ scope: "schools", schoolIds: [school.id] });
      expect(own.ownerSchoolId).toBe(school.id);
      await t.request.get(`/api/v1/publishing/publications/${own.id}`).set(otherSchoolEditor).expect(404);
      await act(otherSchoolEditor, own.id, "submit").expect(404);
      await act(schoolEditor, own.id, "submit").expect(200);
      const early = await act(schoolEditor, own.id, "publish").expect(409);
      expect(early.body.error.code).toBe("PUBLICATION_NEEDS_COUNTY_REVIEW");
      await act(schoolReviewer, own.id, "review", { decision: "approve" }).expect(403);
      await act(reviewer, own.id, "review", { decision: "approve" }).expect(200);
      await act(otherSchoolEditor, own.id, "publish").expect(404);
      expect((await act(schoolEditor, own.id, "publish").expect(200)).body.status).toBe("published");
      const county = await create(editor);
      await t.request.get(`/api/v1/publishing/publications/${county.id}`).set(schoolEditor).expect(404);
      const list = (await t.request.get("/api/v1/publishing/publications").set(schoolEditor).expect(200)).body as PublicationStaffView[];
      expect(list.every((item) => item.ownerSchoolId === school.id)).toBe(true);
      await t.request.get("/api/v1/publishing/publications").set(counsellor).expect(403);
      await t.request.get("/api/v1/publishing/publications/not-an-id").set(editor).expect(400);
    });

    it("shows the safe-messaging checklist for content about suicide and refuses approval until every item is ticked", async () => {
      const item = await create(editor, article({ title: "当同学说想自杀时", bodyHtml: "<p>如果有人说想自杀，请认真对待，陪着他找大人帮忙。</p>" }));
      const submitted = (await act(editor, item.id, "submit").expect(200)).body as PublicationStaffView;
      expect(submitted.sensitive).toBe(true);
      expect(submitted.riskCategories).toContain("suicide");
      const refused = await act(reviewer, item.id, "review", { decision: "approve", checklist: { noMethod: true, noLocation: true } }).expect(422);
      expect(refused.body.error.code).toBe("PUBLICATION_CHECKLIST_REQUIRED");
      await act(reviewer, item.id, "review", { decision: "approve", checklist: { noMethod: true, noLocation: true, noSimpleCause: true, helpNumbers: true } }).expect(200);
      const published = (await act(reviewer, item.id, "publish").expect(200)).body as PublicationStaffView;
      const read = (await t.request.get(`/api/v1/publishing/articles/${published.id}`).expect(200)).body as PublicationReadView;
      expect(read.helplines.map((line) => line.number)).toEqual(expect.arrayContaining([t.services.config.county.hotlineNumber, "12356", "12355"]));
    });
  });

  it("strips scripts, handlers, styles and javascript: links from rich text", async () => {
    const attacks = [
      '<p>hi<script>alert(1)</script></p>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)">点我</a>',
      '<p style="background:url(javascript:alert(1))" onclick="alert(1)">文字</p>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg><script>alert(1)</script></svg>',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<img src="https://ok.example/a.png" onload="alert(1)">',
    ];
    const mutation = '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>';
    const item = await create(editor, article({ bodyHtml: `${attacks.join("")}<h2>安全的标题</h2><a href="https://12356.example">求助</a>${mutation}` }));
    expect(item.bodyHtml).not.toMatch(/script|onerror|onclick|onload|javascript:|iframe|style|svg|alert/i);
    expect(item.bodyHtml).toContain("<h2>安全的标题</h2>");
    expect(item.bodyHtml).toContain('<img src="https://ok.example/a.png" />');
    expect(item.bodyHtml).toContain('href="https://12356.example"');
    const [row] = await t.db.select().from(publications).where(eq(publications.id, item.id));
    expect(row!.bodyHtml).toBe(item.bodyHtml);
  });

  it("reaches only the audience it was written for", async () => {
    const student = await signInConsentedUser(t, { schoolId: school.id });
    const parent = await signInConsentedUser(t, { role: "parent", schoolId: school.id });
    const seniorStudent = await signInConsentedUser(t, { schoolId: otherSchool.id });
    const anonymous = {};
    const forParents = await publishNew(article({ title: "家长课堂：倾听孩子", audience: { roles: ["parent"] } }));
    const forJunior = await publishNew(article({ title: "初中生的考试减压", audience: { roles: ["student"], stages: ["junior"] } }));
    const forOtherSchool = await publishNew(article({ title: "高中部心理委员培训", audience: { scope: "schools", schoolIds: [otherSchool.id] } }));
    const forArea = await publishNew(article({ title: "片区活动", audience: { scope: "area", areaIds: [school.areaId] } }));
    const titlesFor = async (auth: Auth | Record<string, never>) => ((await t.request.get("/api/v1/publishing/home").set(auth).expect(200)).body as PublishingHomeView).items.map((item) => item.id);
    const seen = { student: await titlesFor(student.auth), parent: await titlesFor(parent.auth), senior: await titlesFor(seniorStudent.auth), anonymous: await titlesFor(anonymous) };
    expect(seen.student).toEqual(expect.arrayContaining([forJunior.id, forArea.id]));
    expect(seen.student).not.toContain(forParents.id);
    expect(seen.student).not.toContain(forOtherSchool.id);
    expect(seen.parent).toEqual(expect.arrayContaining([forParents.id, forArea.id]));
    expect(seen.parent).not.toContain(forJunior.id);
    expect(seen.senior).toContain(forOtherSchool.id);
    expect(seen.senior).not.toContain(forJunior.id);
    expect(seen.senior).not.toContain(forArea.id);
    expect(seen.anonymous).not.toEqual(expect.arrayContaining([forParents.id]));
    expect(seen.anonymous).not.toContain(forArea.id);
    await t.request.get(`/api/v1/publishing/articles/${forParents.id}`).set(student.auth).expect(404);
    await t.request.get(`/api/v1/publishing/articles/${forParents.id}`).set(parent.auth).expect(200);
  });

  it("publishes a scheduled item at its minute, not before", async () => {
    const item = await create(editor, article({ title: "定时发布：五一后的第一课" }));
    await act(editor, item.id, "submit").expect(200);
    await act(reviewer, item.id, "review", { decision: "approve" }).expect(200);
    const at = new Date(Math.ceil((t.clock.now().getTime() + 10 * 60_000) / 60_000) * 60_000);
    expect((await act(reviewer, item.id, "publish", { publishAt: at.toISOString() }).expect(200)).body.status).toBe("scheduled");
    t.clock.advance(at.getTime() - t.clock.now().getTime() - 1000);
    expect(await scheduledPublisher({ services: t.services })).not.toContain(item.id);
    await t.request.get(`/api/v1/publishing/articles/${item.id}`).expect(404);
    t.clock.advance(1000);
    expect(await scheduledPublisher({ services: t.services })).toContain(item.id);
    const read = (await t.request.get(`/api/v1/publishing/articles/${item.id}`).expect(200)).body as PublicationReadView;
    expect(read.publishedAt).toBe(at.toISOString());
  });

  it("serves reads from the cache with ETag / 304 and drops it on every change", async () => {
    const item = await publishNew(article({ title: "缓存：第一版" }));
    const first = await t.request.get(`/api/v1/publishing/articles/${item.id}`).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    await t.request.get(`/api/v1/publishing/articles/${item.id}`).set("If-None-Match", etag).expect(304);
    expect(publishedCacheOf(t.services).size).toBeGreaterThan(0);
    const home = await t.request.get("/api/v1/publishing/home").expect(200);
    expect((home.body as PublishingHomeView).items.map((entry) => entry.id)).toContain(item.id);

    // edit: back to draft, gone from readers at once
    await t.request.put(`/api/v1/publishing/publications/${item.id}`).set(editor).send({ version: item.version, content: article({ title: "缓存：第二版" }) }).expect(200);
    await t.request.get(`/api/v1/publishing/articles/${item.id}`).expect(404);
    expect(((await t.request.get("/api/v1/publishing/home").expect(200)).body as PublishingHomeView).items.map((entry) => entry.id)).not.toContain(item.id);
    // publish again: the new text, a new ETag
    await act(editor, item.id, "submit").expect(200);
    await act(reviewer, item.id, "review", { decision: "approve" }).expect(200);
    await act(reviewer, item.id, "publish").expect(200);
    const second = await t.request.get(`/api/v1/publishing/articles/${item.id}`).set("If-None-Match", etag).expect(200);
    expect(second.body.title).toBe("缓存：第二版");
    expect(second.headers.etag).not.toBe(etag);
    // unpublish
    await act(reviewer, item.id, "archive").expect(200);
    await t.request.get(`/api/v1/publishing/articles/${item.id}`).expect(404);
    // campaign change refreshes the home
    const campaign = await t.request.post("/api/v1/publishing/campaigns").set(editor).send({ title: "测试月", startsAt: new Date(t.clock.now().getTime() - 1000).toISOString(), endsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), takeoverHome: true }).expect(201);
    expect(((await t.request.get("/api/v1/publishing/home").expect(200)).body as PublishingHomeView).campaign?.id).toBe(campaign.body.id);
    await t.request.put(`/api/v1/publishing/campaigns/${campaign.body.id}`).set(editor).send({ title: "测试月", startsAt: campaign.body.startsAt, endsAt: campaign.body.endsAt, takeoverHome: false }).expect(200);
    expect(((await t.request.get("/api/v1/publishing/home").expect(200)).body as PublishingHomeView).campaign).toBeNull();
  });

  describe("events", () => {
    const eventBody = (capacity: number, extra: Record<string, unknown> = {}) => {
      const now = t.clock.now().getTime();
      return article({
        kind: "event",
        title: "心理健康月 · 团体沙盘体验",
        event: { startsAt: new Date(now + 7 * 86_400_000).toISOString(), endsAt: new Date(now + 7 * 86_400_000 + 7_200_000).toISOString(), place: "县心理中心 2 楼", capacity, signupOpensAt: new Date(now - 60_000).toISOString(), signupClosesAt: new Date(now + 3 * 86_400_000).toISOString() },
        ...extra,
      });
    };

    it("never goes over capacity and keeps one place per person under 50 concurrent sign-ups", async () => {
      const event = await publishNew(eventBody(20));
      const users = await Promise.all(Array.from({ length: 40 }, () => studentOf(school.id)));
      const attempts = [...users, ...users.slice(0, 10)].map((user) => t.request.post(`/api/v1/publishing/events/${event.id}/signups`).set(user.auth).send({ note: "" }));
      const results = await Promise.all(attempts);
      const statuses = results.map((response) => response.status);
      expect(statuses.filter((status) => status === 201).length).toBe(20);
      expect(statuses.every((status) => status === 201 || status === 200 || status === 409)).toBe(true);
      const rows = await t.db.select().from(eventSignups).where(eq(eventSignups.publicationId, event.id));
      expect(rows.filter((row) => row.status === "active").length).toBe(20);
      expect(new Set(rows.map((row) => row.userId)).size).toBe(rows.length);
      const [stored] = await t.db.select().from(publications).where(eq(publications.id, event.id));
      expect(stored!.signedUp).toBe(20);
      const full = results.find((response) => response.status === 409)!;
      expect(full.body.error.code).toBe("EVENT_FULL");
    });

    it("signs up, cancels idempotently, lists my sign-ups and offers help when the note has risk words", async () => {
      const event = await publishNew(eventBody(5));
      const user = await studentOf(school.id);
      const signed = await t.request.post(`/api/v1/publishing/events/${event.id}/signups`).set(user.auth).send({ note: "最近不想活了，想来听听" }).expect(201);
      expect(signed.body.offerHelp).toBe(true);
      const [row] = await t.db.select().from(eventSignups).where(eq(eventSignups.id, signed.body.signup.id));
      expect(row!.noteEnc).not.toContain("不想活");
      const again = await t.request.post(`/api/v1/publishing/events/${event.id}/signups`).set(user.auth).send({ note: "" }).expect(200);
      expect(again.body.signup.id).toBe(signed.body.signup.id);
      expect(((await t.request.get("/api/v1/publishing/signups/mine").set(user.auth).expect(200)).body as Array<{ id: string }>).map((entry) => entry.id)).toEqual([signed.body.signup.id]);
      const read = await t.request.get(`/api/v1/publishing/articles/${event.id}`).set(user.auth).expect(200);
      expect(read.body.event.signedUp).toBe(1);
      await t.request.post(`/api/v1/publishing/events/${event.id}/signups/cancel`).set(user.auth).expect(200);
      expect((await t.request.post(`/api/v1/publishing/events/${event.id}/signups/cancel`).set(user.auth).expect(200)).body.status).toBe("cancelled");
      expect((await t.request.get(`/api/v1/publishing/articles/${event.id}`).set(user.auth).expect(200)).body.event.signedUp).toBe(0);
      const list = (await t.request.get(`/api/v1/publishing/publications/${event.id}/signups`).set(editor).expect(200)).body as Array<{ alias: string; note: string }>;
      expect(list[0]).toMatchObject({ alias: user.alias, note: "最近不想活了，想来听听" });
      expect(JSON.stringify(list)).not.toContain(user.id);
    });

    it("refuses sign-ups outside the window and events not meant for the reader", async () => {
      const now = t.clock.now().getTime();
      const closed = await publishNew(eventBody(5, { event: { ...((eventBody(5) as { event?: object }).event), signupOpensAt: new Date(now + 86_400_000).toISOString() } }));
      const user = await studentOf(school.id);
      expect((await t.request.post(`/api/v1/publishing/events/${closed.id}/signups`).set(user.auth).send({}).expect(409)).body.error.code).toBe("EVENT_SIGNUP_CLOSED");
      const elsewhere = await publishNew(eventBody(5, { audience: { scope: "schools", schoolIds: [otherSchool.id] } }));
      await t.request.post(`/api/v1/publishing/events/${elsewhere.id}/signups`).set(user.auth).send({}).expect(404);
      await t.request.post(`/api/v1/publishing/events/${closed.id}/signups`).send({}).expect(401);
      await t.request.post(`/api/v1/publishing/events/${closed.id}/signups`).set(editor).send({}).expect(403);
    });
  });

  describe("uploads and activity reports", () => {
    it("re-encodes images without metadata, refuses other types and oversize files", async () => {
      const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#88aacc" } })
        .jpeg()
        .withExif({ IFD0: { Copyright: "secret-camera-owner", Make: "PhoneMaker" } })
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const uploaded = await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "image/jpeg").send(photo).expect(201);
      expect(uploaded.body).toMatchObject({ mime: "image/jpeg", width: 1600, height: 1067 });
      const file = await t.request.get(uploaded.body.url).buffer(true).parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => callback(null, Buffer.concat(chunks)));
      }).expect(200);
      const meta = await sharp(file.body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
      expect((file.body as Buffer).includes(Buffer.from("secret-camera-owner"))).toBe(false);
      const lying = await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "image/png").send(photo).expect(415);
      expect(lying.body.error.code).toBe("UPLOAD_TYPE_INVALID");
      await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "text/html").send("<script>alert(1)</script>").expect(415);
      await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "image/jpeg").send(Buffer.alloc(9 * 1024 * 1024)).expect(413);
      await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "video/mp4").send(Buffer.from("not really a video at all")).expect(415);
      const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypmp42"), Buffer.alloc(1000)]);
      const video = (await t.request.post("/api/v1/publishing/uploads").set(editor).set("Content-Type", "video/mp4").send(mp4).expect(201)).body as { id: string; mime: string; url: string };
      expect(video.mime).toBe("video/mp4");

      // Covers and uploaded videos are used by id; the wrong kind of file is refused.
      const withCover = await create(editor, article({ coverUploadId: uploaded.body.id }));
      expect(withCover.coverUrl).toBe(uploaded.body.url);
      const uploadedVideo = await create(editor, { kind: "video", title: "一分钟放松练习", videoUploadId: video.id });
      expect(uploadedVideo.videoUrl).toBe(video.url);
      await t.request.post("/api/v1/publishing/publications").set(editor).send(article({ coverUploadId: video.id })).expect(400);
      await t.request.post("/api/v1/publishing/publications").set(editor).send({ kind: "video", title: "不是视频", videoUploadId: uploaded.body.id }).expect(400);
    });

    it("lets a school report its activities and the county see every school's month", async () => {
      const schoolCounsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: school.id, areaId: school.areaId }));
      const report = await t.request.post("/api/v1/publishing/activity-reports").set(schoolCounsellor).send({ title: "心理健康主题班会", heldOn: "2026-05-12", participants: 320, description: "全校各班同步开展" }).expect(201);
      expect(report.body).toMatchObject({ schoolId: school.id, participants: 320 });
      await t.request.post("/api/v1/publishing/activity-reports").set(editor).send({ title: "县级", heldOn: "2026-05-12", participants: 1 }).expect(403);
      await t.request.get("/api/v1/publishing/activity-overview").set(schoolEditor).expect(403);
      const overview = (await t.request.get("/api/v1/publishing/activity-overview").set(reviewer).expect(200)).body as Array<{ schoolId: string; reports: number; participants: number; lastHeldOn: string | null }>;
      expect(overview.find((row) => row.schoolId === school.id)).toMatchObject({ reports: 1, participants: 320, lastHeldOn: "2026-05-12" });
      expect(overview.find((row) => row.schoolId === otherSchool.id)).toMatchObject({ reports: 0, participants: 0, lastHeldOn: null });
      // An area's admin sees the schools of the area only, with the same figures.
      const areaAdmin = await staffAuth(t.db, await buildStaff(t.db, { roles: ["centre_admin"], scope: "area", areaId: school.areaId }));
      const areaOverview = (await t.request.get("/api/v1/publishing/activity-overview").set(areaAdmin).expect(200)).body as Array<{ schoolId: string; reports: number }>;
      expect(areaOverview.find((row) => row.schoolId === school.id)).toMatchObject({ reports: 1, participants: 320 });
      const inArea = await t.db.select({ id: schools.id }).from(schools).where(eq(schools.areaId, school.areaId));
      expect(areaOverview.map((row) => row.schoolId).sort()).toEqual(inArea.map((row) => row.id).sort());
      const otherView = (await t.request.get("/api/v1/publishing/activity-reports").set(otherSchoolEditor).expect(200)).body as unknown[];
      expect(otherView).toHaveLength(0);

      // A report joins the campaign running on its day (school staff cannot list campaigns).
      const may = (await t.request.post("/api/v1/publishing/campaigns").set(editor).send({ title: "2031 年五月心理健康月", startsAt: "2031-04-30T16:00:00.000Z", endsAt: "2031-05-31T16:00:00.000Z" }).expect(201)).body as { id: string };
      const inMay = await t.request.post("/api/v1/publishing/activity-reports").set(schoolCounsellor).send({ title: "家长课堂", heldOn: "2031-05-20", participants: 80 }).expect(201);
      expect(inMay.body.campaignId).toBe(may.id);
      const june = await t.request.post("/api/v1/publishing/activity-reports").set(schoolCounsellor).send({ title: "期末减压", heldOn: "2031-06-20", participants: 30 }).expect(201);
      expect(june.body.campaignId).toBeNull();
      const mayOverview = (await t.request.get(`/api/v1/publishing/activity-overview?campaignId=${may.id}`).set(reviewer).expect(200)).body as Array<{ schoolId: string; reports: number; participants: number }>;
      expect(mayOverview.find((row) => row.schoolId === school.id)).toMatchObject({ reports: 1, participants: 80 });
    });

    it("serves activity-report photos only to staff in the report's scope, never publicly, and audits each read", async () => {
      const schoolCounsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: school.id, areaId: school.areaId }));
      const otherCounsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: otherSchool.id, areaId: otherSchool.areaId }));
      const areaCounsellor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["counsellor"], scope: "area", areaId: school.areaId }));
      const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#ccaa88" } }).jpeg().toBuffer();
      const bytesOf = (request: supertest.Test) =>
        request.buffer(true).parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => callback(null, Buffer.concat(chunks)));
        });

      // A counsellor may not put public content up; report photos are images only.
      const refused = await t.request.post("/api/v1/publishing/uploads").set(schoolCounsellor).set("Content-Type", "image/jpeg").send(photo).expect(403);
      expect(refused.body.error.code).toBe("UPLOAD_PURPOSE_FORBIDDEN");
      const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypmp42"), Buffer.alloc(100)]);
      await t.request.post("/api/v1/publishing/uploads?purpose=activity_report").set(schoolCounsellor).set("Content-Type", "video/mp4").send(mp4).expect(415);

      const uploaded = await t.request.post("/api/v1/publishing/uploads?purpose=activity_report").set(schoolCounsellor).set("Content-Type", "image/jpeg").send(photo).expect(201);
      expect(uploaded.body).toMatchObject({ purpose: "activity_report", url: `/api/v1/publishing/report-photos/${uploaded.body.id}` });
      const photoId = uploaded.body.id as string;
      // Before it is attached, only its uploader sees it.
      await bytesOf(t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(schoolCounsellor)).expect(200);
      await t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(reviewer).expect(404);
      // Someone else may not attach it to their school's report.
      await t.request.post("/api/v1/publishing/activity-reports").set(otherCounsellor).send({ title: "借用照片", heldOn: "2026-05-13", participants: 5, photoUploadIds: [photoId] }).expect(400);
      const report = await t.request.post("/api/v1/publishing/activity-reports").set(schoolCounsellor).send({ title: "心理委员培训", heldOn: "2026-05-14", participants: 40, photoUploadIds: [photoId] }).expect(201);
      expect(report.body.photoUrls).toEqual([`/api/v1/publishing/report-photos/${photoId}`]);

      // Nor can it be put before readers as a cover or a campaign banner.
      const asCover = await t.request.post("/api/v1/publishing/publications").set(editor).send(article({ coverUploadId: photoId })).expect(400);
      expect(asCover.body.error.code).toBe("VALIDATION_FAILED");
      await t.request.post("/api/v1/publishing/campaigns").set(editor).send({ title: "横幅", startsAt: "2027-05-01T00:00:00.000Z", endsAt: "2027-05-31T00:00:00.000Z", bannerUploadId: photoId }).expect(400);

      // Never through the public address, whoever asks.
      await t.request.get(`/api/v1/publishing/uploads/${photoId}`).expect(404);
      await t.request.get(`/api/v1/publishing/uploads/${photoId}`).set(editor).expect(404);
      // Not to anonymous callers, students, or staff of another school.
      await t.request.get(`/api/v1/publishing/report-photos/${photoId}`).expect(401);
      const student = await studentOf(school.id);
      expect([401, 403]).toContain((await t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(student.auth)).status);
      await t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(otherCounsellor).expect(404);
      await t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(otherSchoolEditor).expect(404);

      // Staff in scope: the school, its area, the county.
      const before = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "activity_report.photo.read"));
      for (const auth of [schoolCounsellor, areaCounsellor, reviewer]) {
        const file = await bytesOf(t.request.get(`/api/v1/publishing/report-photos/${photoId}`).set(auth)).expect(200);
        expect(file.headers["content-type"]).toBe("image/jpeg");
        expect(file.headers["cache-control"]).toBe("private, no-store");
        expect((await sharp(file.body as Buffer).metadata()).width).toBe(800);
      }
      const after = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "activity_report.photo.read"));
      const added = after.filter((row) => !before.some((old) => old.id === row.id));
      expect(added).toHaveLength(3);
      expect(added.every((row) => row.targetType === "activity_report" && row.targetId === report.body.id)).toBe(true);
    });
  });

  (t_kind() === "postgres" ? it : it.skip)("drops another process's cache through NOTIFY (ids only)", async () => {
    const url = (t.database as { url?: string }).url!;
    const second = await openDatabase({ databaseUrl: url, poolSize: 3 });
    const services = buildServices(t.services.config, second, { clock: t.clock, log: createLogger("silent") });
    const stop = startPublishingListener(services);
    const other = supertest(createApp(services).app.callback());
    try {
      const item = await publishNew(article({ title: "跨进程：第一版" }));
      // the other process caches only once its LISTEN is up (until then it reads without storing): read until it has
      await waitUntil(async () => (await other.get(`/api/v1/publishing/articles/${item.id}`)).status === 200 && publishedCacheOf(services).size > 0);
      expect(publishedCacheOf(services).size).toBeGreaterThan(0);
      await act(reviewer, item.id, "archive").expect(200);
      await waitUntil(async () => (await other.get(`/api/v1/publishing/articles/${item.id}`)).status === 404);
    } finally {
      stop();
      await second.close();
    }
  });
});

function t_kind(): string {
  return process.env.XINYUAN_TEST_DB === "postgres" ? "postgres" : "pglite";
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
}
