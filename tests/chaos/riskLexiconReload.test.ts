import supertest from "supertest";
import type { RiskLexiconVersionView } from "@xinyuan/shared";
import { openTestDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { buildStaff } from "../support/factories";
import { sessionTokenFor } from "../support/sessions";
import { waitFor } from "../support/chatFixtures";
import { createRiskDetector, shippedRiskLexicon, shippedRiskModel } from "../../server/src/risk/riskDetector";
import { shippedRiskCorpus } from "../../server/src/risk/riskCorpus";

type Lexicon = { version: string; categories: Record<string, unknown[]> } & Record<string, unknown>;

describe("risk lexicon across two server processes", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let one: ServerProcess;
  let two: ServerProcess;
  beforeAll(async () => {
    database = await openTestDatabase();
    [one, two] = await Promise.all([startServerProcess({ databaseUrl: database.url! }), startServerProcess({ databaseUrl: database.url! })]);
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.close();
  });

  const verdict = async (server: ServerProcess, text: string) => JSON.parse((await server.command(`risk ${text}`, "RISK ")).slice("RISK ".length)) as { level: string; lexicon: { id: string | null; version: string } };

  it("a version activated on instance 1 is used by instance 2 within a few seconds, without restart", async () => {
    const phrase = "我想去彩虹桥了";
    const seeded = await verdict(two, phrase);
    expect(seeded.level).toBe("none");
    expect(seeded.lexicon.id).not.toBeNull(); // both started on the seeded database version
    expect((await verdict(one, phrase)).lexicon.id).toBe(seeded.lexicon.id);

    const supervisor = await buildStaff(database.db, { roles: ["supervisor"], scope: "county" });
    const auth = { Authorization: `Bearer ${await sessionTokenFor(database.db, { type: "staff", id: supervisor.id }, new Date())}` };
    const shipped = shippedRiskLexicon as Lexicon;
    const edited: Lexicon = { ...shipped, version: "multi-instance", categories: { ...shipped.categories, suicide: [...(shipped.categories.suicide ?? []), { pattern: "想去彩虹桥", level: "high" }] } };
    const saved = (await supertest(one.url).post("/api/v1/risk-lexicon/versions").set(auth).send({ content: edited }).expect(201)).body as RiskLexiconVersionView;
    await supertest(one.url).post(`/api/v1/risk-lexicon/versions/${saved.id}/activate`).set(auth).expect(200);
    const activatedAt = Date.now();

    expect(await verdict(one, phrase)).toMatchObject({ level: "high", lexicon: { id: saved.id, version: "multi-instance" } });
    await waitFor(async () => (await verdict(two, phrase)).level === "high", "instance 2 detects with the new version");
    expect(Date.now() - activatedAt).toBeLessThan(5_000);
    expect((await verdict(two, phrase)).lexicon).toEqual({ id: saved.id, version: "multi-instance" });
  });

  it("a retrained model activated on instance 1 is used by instance 2 too (the model travels with the version)", async () => {
    const supervisor = await buildStaff(database.db, { roles: ["supervisor"], scope: "county" });
    const auth = { Authorization: `Bearer ${await sessionTokenFor(database.db, { type: "staff", id: supervisor.id }, new Date())}` };
    // a risky row only the model finds (the lexicon alone says nothing)
    const lexiconOnly = createRiskDetector(shippedRiskLexicon);
    const withModel = createRiskDetector(shippedRiskLexicon, shippedRiskModel);
    const modelOnly = shippedRiskCorpus().tuning.find((row) => row.categories.length && lexiconOnly(row.text).level === "none" && withModel(row.text).level !== "none")!.text;
    const retrained = (await supertest(one.url).post("/api/v1/risk-lexicon/retrain").set(auth).expect(201)).body as RiskLexiconVersionView;
    await supertest(one.url).post(`/api/v1/risk-lexicon/versions/${retrained.id}/activate`).set(auth).expect(200);
    await waitFor(async () => (await verdict(two, modelOnly)).lexicon.id === retrained.id, "instance 2 loads the retrained version");
    expect((await verdict(two, modelOnly)).level).not.toBe("none");
    expect((await verdict(two, "我想去彩虹桥了")).level).toBe("high"); // the lexicon of the version it was based on
  });
});
