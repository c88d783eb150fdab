import { eq } from "drizzle-orm";
import { auditEvents, letterEscalations, letters } from "../db/schema";
import { letterEscalator } from "./letterEscalator";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildLetterWorld, letterWriterIn, staffAuthOf, writeLetter, type LetterWorld } from "../../../tests/support/letterFixtures";

/** Races that only a real PostgreSQL server shows (PGlite runs transactions one after another). */
describe("letters under concurrency", () => {
  let t: TestApp;
  let w: LetterWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildLetterWorld(t);
  });
  afterAll(() => t.close());

  it("letters.assign: two teachers taking the same letter at once, exactly one wins", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { letter } = await writeLetter(t, await letterWriterIn(t, w.schoolA1.id));
      const [first, second] = [w.staff.a1, w.staff.a1b];
      const answers = await Promise.all(
        [first, second].map(async (member) => t.request.post(`/api/v1/letters/${letter.id}/assign`).set(await staffAuthOf(t, member)).send({ staffId: member.id, expectedAssigneeId: null })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.error.code).toBe("LETTER_ASSIGN_CONFLICT");
      const winner = answers.find((answer) => answer.status === 200)!.body.assignedStaffId;
      expect((await t.db.select().from(letters).where(eq(letters.id, letter.id)))[0]!.assignedStaffId).toBe(winner);
      expect(await t.db.$count(auditEvents, eq(auditEvents.targetId, letter.id))).toBeGreaterThanOrEqual(2);
    }
  });

  it("escalation run by two processes at once moves each overdue letter once", async () => {
    const { letter } = await writeLetter(t, await letterWriterIn(t, w.schoolB1.id));
    await t.db.update(letters).set({ dueAt: new Date(t.clock.now().getTime() - 60_000) }).where(eq(letters.id, letter.id));
    const moved = await Promise.all([letterEscalator(t.services), letterEscalator(t.services), letterEscalator(t.services)]);
    expect(moved.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(letters).where(eq(letters.id, letter.id));
    expect(row).toMatchObject({ handlingMailboxId: w.boxAreaB.id, escalationLevel: 1 });
    expect(await t.db.$count(letterEscalations, eq(letterEscalations.letterId, letter.id))).toBe(1);
  });
});
