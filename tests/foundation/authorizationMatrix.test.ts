import { randomUUID } from "node:crypto";
import { apiRoutes, samplePath, staffRoles, type RouteContract, type StaffRole } from "@xinyuan/shared";
import { createTestApp, type TestApp } from "../support/testApp";
import { buildStaff } from "../support/factories";
import { sessionTokenFor } from "../support/sessions";

const staffContracts = (Object.entries(apiRoutes) as Array<[string, RouteContract]>).filter(([, contract]) => contract.audience === "staff");

async function call(t: TestApp, contract: RouteContract, token: string) {
  const path = `/api/v1${samplePath(contract.path, () => randomUUID())}`;
  const request = t.request[contract.method](path).set("Authorization", `Bearer ${token}`);
  return contract.method === "get" || contract.method === "delete" ? request : request.send({});
}

/**
 * Every staff route with every role: a role the contract does not name is refused before its input is
 * read (403 FORBIDDEN); a role it names gets past the door (validation, not-found or success), and
 * nothing ever answers 500. Scope inside a role (school A vs school B) is tested per feature.
 */
describe("authorization matrix", () => {
  let t: TestApp;
  const tokens = new Map<StaffRole, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of staffRoles) {
      const member = await buildStaff(t.db, { roles: [role], scope: "county" });
      tokens.set(role, await sessionTokenFor(t.db, { type: "staff", id: member.id }, t.clock.now()));
    }
  });
  afterAll(() => t.close());

  it("has every staff route name the roles that may use it (deny by default)", () => {
    const unnamed = staffContracts.filter(([, contract]) => !contract.roles || contract.roles.length === 0).map(([name]) => name);
    expect(unnamed).toEqual([]);
  });

  const cases = staffContracts.flatMap(([name, contract]) => staffRoles.map((role) => [name, role, contract] as const));

  it.each(cases)("%s as %s", async (_name, role, contract) => {
    const response = await call(t, contract, tokens.get(role)!);
    expect(response.status).not.toBe(500);
    expect(response.status).not.toBe(401);
    const allowed = contract.roles?.includes(role) ?? false;
    if (!allowed) {
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
    } else {
      expect(response.body.error?.code).not.toBe("FORBIDDEN");
    }
  });
});
