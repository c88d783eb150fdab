import { randomUUID } from "node:crypto";
import { apiRoutes, samplePath, type RouteContract } from "@xinyuan/shared";
import { startSession } from "../../server/src/auth/sessionStore";
import { createTestApp, type TestApp } from "../support/testApp";
import { buildStaff } from "../support/factories";
import { signInUser } from "../support/userSession";

const contracts = Object.entries(apiRoutes) as Array<[string, RouteContract]>;
const ofAudience = (audience: RouteContract["audience"]) => contracts.filter(([, contract]) => contract.audience === audience);

async function call(t: TestApp, contract: RouteContract, token?: string) {
  const path = `/api/v1${samplePath(contract.path, () => randomUUID())}`;
  const request = t.request[contract.method](path);
  if (token) request.set("Authorization", `Bearer ${token}`);
  return contract.method === "get" || contract.method === "delete" ? request : request.send({});
}

/** Sessions are separated by audience: a mini-program token opens no staff route and the reverse. */
describe("route audiences", () => {
  let t: TestApp;
  let userToken: string;
  let staffToken: string;
  beforeAll(async () => {
    t = await createTestApp();
    userToken = (await signInUser(t)).token;
    const admin = await buildStaff(t.db, { roles: ["centre_admin", "supervisor", "counsellor"], scope: "county" });
    const now = t.clock.now();
    staffToken = (await startSession(t.db, { type: "staff", id: admin.id }, now, new Date(now.getTime() + 3_600_000))).token;
  });
  afterAll(() => t.close());

  it("has routes of both audiences to check", () => {
    expect(ofAudience("staff").length).toBeGreaterThan(0);
    expect(ofAudience("user").length).toBeGreaterThan(0);
  });

  it.each(ofAudience("staff"))("refuses a user token on staff route %s", async (_name, contract) => {
    const response = await call(t, contract, userToken);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it.each(ofAudience("user"))("refuses a staff token on user route %s", async (_name, contract) => {
    const response = await call(t, contract, staffToken);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it.each([...ofAudience("staff"), ...ofAudience("user")])("asks for a sign-in on %s without a token", async (_name, contract) => {
    const response = await call(t, contract);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  });
});
