import { join } from "node:path";
import { BroadcastChannel } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { errorMessages } from "@xinyuan/shared";
import { auditEvents, riskLexiconVersions, settings } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildStaff } from "../../../tests/support/factories";
import type { StaffActor } from "../auth/actor";
import type { AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { riskLexiconSeeder } from "./riskLexiconSeeder";
import { riskLexiconActivator } from "./riskLexiconActivator";
import { activeRiskLexiconVersion } from "./riskLexiconVersionViews";
import { riskModelRetrainer } from "./riskModelRetrainer";
import { riskRetrainLeaseKey } from "./riskRetrainLease";

/** Worker modules standing in for the real training (tests/support/riskTrainingJobs/README.md). */
const jobs = join(__dirname, "../../../tests/support/riskTrainingJobs");

/** The test's end of gatedTrainingJob's BroadcastChannel: resolves once the worker waits, then lets it answer. */
function trainingGate() {
  const channel = new BroadcastChannel("risk-training-gate");
  const waiting = new Promise<void>((resolve) => {
    channel.onmessage = (event) => {
      if ((event as { data?: unknown }).data === "waiting") resolve();
    };
  });
  return {
    waiting,
    go() {
      channel.postMessage("go");
      channel.close();
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

describe("riskModelRetrainer (重新训练 around the worker)", () => {
  let t: TestApp;
  let actor: StaffActor;
  let origin: AuditOrigin;
  const retrain = (job: string, timeoutMs?: number) =>
    riskModelRetrainer({ services: t.services, actor, origin, training: { entry: join(jobs, job), ...(timeoutMs ? { timeoutMs } : {}) } });
  const versionNumbers = async () => (await t.db.select({ number: riskLexiconVersions.number }).from(riskLexiconVersions)).map((row) => row.number).sort();
  const lease = async () => (await t.db.select().from(settings).where(eq(settings.key, riskRetrainLeaseKey)))[0];
  const retrainAudits = async () => (await t.db.select().from(auditEvents).where(eq(auditEvents.action, "risk_lexicon.retrain"))).length;

  beforeAll(async () => {
    t = await createTestApp();
    await riskLexiconSeeder(t.db);
    const member = await buildStaff(t.db, { roles: ["supervisor"], scope: "county", displayName: "重训测试督导" });
    actor = { type: "staff", id: member.id, username: member.username, displayName: "重训测试督导", roles: ["supervisor"], scope: { level: "county", areaId: null, schoolId: null }, pending: [] };
    origin = { actorType: "staff", actorId: member.id, ip: null, requestId: null };
  });
  afterAll(async () => {
    await t.close();
  });

  it("a worker that throws saves nothing and frees the slot; a slot left by a dead process does not block", async () => {
    // the lease of a process that died mid-training, past its time
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    await t.db.insert(settings).values({ key: riskRetrainLeaseKey, value: { runId: "dead", actorId: actor.id, startedAt: past, until: past } });
    const before = await versionNumbers();
    const failure = await failureOf(retrain("throwingTrainingJob.ts"));
    expect(failure).toMatchObject({ status: 500, code: "RISK_RETRAIN_FAILED", message: errorMessages.RISK_RETRAIN_FAILED });
    expect(String((failure as { cause?: Error }).cause?.message)).toContain("training blew up");
    expect(await versionNumbers()).toEqual(before);
    expect(await retrainAudits()).toBe(0);
    expect(await lease()).toBeUndefined();
  });

  it("a worker that ends without answering is a failure too", async () => {
    const failure = await failureOf(retrain("exitingTrainingJob.ts"));
    expect(failure).toMatchObject({ status: 500, code: "RISK_RETRAIN_FAILED" });
    expect(String((failure as { cause?: Error }).cause?.message)).toContain("code 3");
    expect(await lease()).toBeUndefined();
  });

  it("a worker that outlives the timeout is stopped: RISK_RETRAIN_TIMEOUT, nothing saved", async () => {
    const before = await versionNumbers();
    const started = performance.now();
    const failure = await failureOf(retrain("hangingTrainingJob.ts", 1500));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(failure).toMatchObject({ status: 503, code: "RISK_RETRAIN_TIMEOUT", details: { timeoutSeconds: 2 }, message: errorMessages.RISK_RETRAIN_TIMEOUT });
    expect(await versionNumbers()).toEqual(before);
    expect(await lease()).toBeUndefined();
  });

  it("one retrain at a time: a second one while the first trains gets 409 RISK_RETRAIN_RUNNING; the first is saved and audited", async () => {
    const before = await versionNumbers();
    const gate = trainingGate();
    const first = retrain("gatedTrainingJob.ts");
    await gate.waiting;
    expect(await lease()).toMatchObject({ value: { actorId: actor.id } });
    const second = await failureOf(retrain("gatedTrainingJob.ts"));
    expect(second).toMatchObject({ status: 409, code: "RISK_RETRAIN_RUNNING", message: errorMessages.RISK_RETRAIN_RUNNING });
    gate.go();
    const saved = await first;
    expect(saved).toMatchObject({ number: Math.max(...before) + 1, isActive: false });
    expect(await versionNumbers()).toEqual([...before, saved.number]);
    expect(await retrainAudits()).toBe(1);
    expect(await lease()).toBeUndefined();
  });

  it("when the active version changes while the model trains, nothing is saved (409 RISK_RETRAIN_STALE)", async () => {
    const gate = trainingGate();
    const run = retrain("gatedTrainingJob.ts");
    await gate.waiting;
    // meanwhile a supervisor activates another version (one passing the gate: a copy of the active one)
    const active = (await activeRiskLexiconVersion(t.db))!;
    const [other] = await t.db
      .insert(riskLexiconVersions)
      .values({ number: Math.max(...(await versionNumbers())) + 1, label: "edited-meanwhile", content: active.content, model: active.model, authorId: actor.id, evaluation: active.evaluation })
      .returning();
    const activation = await t.db.transaction((tx) => riskLexiconActivator({ tx, services: t.services, actorId: actor.id, origin, versionId: other!.id }));
    expect(activation.outcome).toBe("activated");
    const before = await versionNumbers();
    gate.go();
    const failure = await failureOf(run);
    expect(failure).toMatchObject({ status: 409, code: "RISK_RETRAIN_STALE", message: errorMessages.RISK_RETRAIN_STALE });
    expect(await versionNumbers()).toEqual(before);
    expect(await retrainAudits()).toBe(1);
    expect(await lease()).toBeUndefined();
  });
});
