import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { WriteLetterBody, WriteLetterResult } from "@xinyuan/shared";
import { mailboxMembers, mailboxes } from "../../server/src/db/schema";
import type { TestApp } from "./testApp";
import { buildArea, buildSchool, buildStaff, type BuiltStaff } from "./factories";
import { sessionTokenFor } from "./sessions";
import { signInConsentedUser, type SignedInUser } from "./userSession";

export const newSubmitId = () => `s-${randomBytes(8).toString("hex")}`;

/**
 * Two areas for letter tests. Area A: school A1 with its own box (counsellor a1 a member, a1b too),
 * school A2 without a box, an area box answered by area teacher areaA. Area B: school B1 with a box
 * (counsellor b1), area teacher areaB. The county box answered by county counsellor county.
 */
export async function buildLetterWorld(t: TestApp) {
  const areaA = await buildArea(t.db);
  const areaB = await buildArea(t.db);
  const schoolA1 = await buildSchool(t.db, { areaId: areaA.id });
  const schoolA2 = await buildSchool(t.db, { areaId: areaA.id });
  const schoolB1 = await buildSchool(t.db, { areaId: areaB.id });
  const box = async (values: typeof mailboxes.$inferInsert) => (await t.db.insert(mailboxes).values(values).returning())[0]!;
  const boxA1 = await box({ kind: "school", schoolId: schoolA1.id, name: `${schoolA1.name}信箱`, replyWorkingDays: 3, autoAckText: "收到啦，老师会认真看。" });
  const boxB1 = await box({ kind: "school", schoolId: schoolB1.id, name: `${schoolB1.name}信箱` });
  const boxAreaA = await box({ kind: "area", areaId: areaA.id, name: "A片区信箱", replyWorkingDays: 2 });
  const boxAreaB = await box({ kind: "area", areaId: areaB.id, name: "B片区信箱" });
  const [existingCounty] = await t.db.select().from(mailboxes).where(eq(mailboxes.kind, "county"));
  const boxCounty = existingCounty ?? (await box({ kind: "county", name: "县中心信箱" }));
  const a1 = await buildStaff(t.db, { scope: "school", schoolId: schoolA1.id, areaId: areaA.id });
  const a1b = await buildStaff(t.db, { scope: "school", schoolId: schoolA1.id, areaId: areaA.id });
  const a2 = await buildStaff(t.db, { scope: "school", schoolId: schoolA2.id, areaId: areaA.id });
  const b1 = await buildStaff(t.db, { scope: "school", schoolId: schoolB1.id, areaId: areaB.id });
  const teacherA = await buildStaff(t.db, { scope: "area", areaId: areaA.id });
  const teacherB = await buildStaff(t.db, { scope: "area", areaId: areaB.id });
  const county = await buildStaff(t.db, { scope: "county" });
  const editor = await buildStaff(t.db, { scope: "county", roles: ["editor"] });
  await t.db.insert(mailboxMembers).values([
    { mailboxId: boxA1.id, staffId: a1.id },
    { mailboxId: boxA1.id, staffId: a1b.id },
    { mailboxId: boxB1.id, staffId: b1.id },
    { mailboxId: boxAreaA.id, staffId: teacherA.id },
    { mailboxId: boxAreaB.id, staffId: teacherB.id },
    { mailboxId: boxCounty.id, staffId: county.id },
  ]);
  return { areaA, areaB, schoolA1, schoolA2, schoolB1, boxA1, boxB1, boxAreaA, boxAreaB, boxCounty, staff: { a1, a1b, a2, b1, teacherA, teacherB, county, editor } };
}

export type LetterWorld = Awaited<ReturnType<typeof buildLetterWorld>>;

/** A fresh session header for a staff member at the test clock's now (tests move the clock by days). */
export async function staffAuthOf(t: TestApp, member: BuiltStaff): Promise<{ Authorization: string }> {
  return { Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "staff", id: member.id }, t.clock.now())}` };
}

export async function letterWriterIn(t: TestApp, schoolId: string, props: { ageBand?: "14_17" | "10_13"; role?: "student" | "parent"; withGuardian?: boolean } = {}): Promise<SignedInUser> {
  return signInConsentedUser(t, { schoolId, ageBand: props.ageBand, role: props.role, withGuardian: props.withGuardian });
}

export async function writeLetter(t: TestApp, writer: SignedInUser, body: Partial<WriteLetterBody> = {}, expectStatus = 201): Promise<WriteLetterResult> {
  const response = await t.request
    .post("/api/v1/me/letters")
    .set(writer.auth)
    .send({ subject: "最近有点烦", body: "考试没考好，回家不知道怎么说。", clientSubmitId: newSubmitId(), ...body })
    .expect(expectStatus);
  return response.body as WriteLetterResult;
}
