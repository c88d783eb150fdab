import { apiRoutes, openApiPath, type RouteContract } from "@xinyuan/shared";
import { createTestApp, type TestApp } from "../support/testApp";

const prefix = "/api/v1";
const contracts = Object.values(apiRoutes) as RouteContract[];

/** "get /letters/:id" for every method a mounted router layer answers (HEAD comes free with GET). */
function mountedRoutes(t: TestApp): string[] {
  return t.apiRouter.stack.flatMap((layer) => {
    const full = String(layer.path);
    const path = full.startsWith(prefix) ? full.slice(prefix.length) : full;
    if (path === "/openapi.json") return [];
    return layer.methods.filter((method) => method !== "HEAD").map((method) => `${method.toLowerCase()} ${path}`);
  });
}

describe("openapi", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("has a contract for every mounted route and a mounted route for every contract", () => {
    const mounted = mountedRoutes(t);
    const contracted = contracts.map((contract) => `${contract.method} ${contract.path}`);
    expect(new Set(mounted).size).toBe(mounted.length);
    expect(mounted.filter((route) => !contracted.includes(route))).toEqual([]);
    expect(contracted.filter((route) => !mounted.includes(route))).toEqual([]);
  });

  it("serves an OpenAPI 3.1 document with every route and its request schemas", async () => {
    const response = await t.request.get(`${prefix}/openapi.json`).expect(200);
    const document = response.body as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>> };
    expect(document.openapi).toBe("3.1.0");
    for (const [name, contract] of Object.entries(apiRoutes) as Array<[string, RouteContract]>) {
      const operation = document.paths[openApiPath(contract.path)]?.[contract.method];
      expect({ name, operationId: operation?.operationId }).toEqual({ name, operationId: name });
      expect({ name, hasBody: operation?.requestBody !== undefined }).toEqual({ name, hasBody: contract.body !== undefined });
    }
  });
});
