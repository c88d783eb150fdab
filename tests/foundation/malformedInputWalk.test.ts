import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { apiRoutes, staffRoles, type RouteContract } from "@xinyuan/shared";
import { createTestApp, type TestApp } from "../support/testApp";
import { buildSchool, buildStaff } from "../support/factories";
import { sessionTokenFor } from "../support/sessions";
import { signInConsentedUser } from "../support/userSession";
import { startTestServer, type TestServer } from "../support/testServer";

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minItems?: number;
  pattern?: string;
};
type Operation = { operationId: string; parameters?: Array<{ name: string; in: "path" | "query"; schema: JsonSchema }>; requestBody?: { content: { "application/json": { schema: JsonSchema } } } };
type Method = "get" | "post" | "put" | "patch" | "delete";

const nul = "a\u0000b";
const loneSurrogate = "a\ud800b";
const oversized = "长".repeat(100_000);
const yearZero = "0000-01-01T00:00:00.000Z";
const dayZero = "0000-01-01";

/** Malformed values for a string in a body (JSON carries them as they are). */
const badStrings = [nul, loneSurrogate, oversized, yearZero, dayZero, "9999999-01-01T00:00:00Z", ""];
/** Malformed values for a query parameter (kept under Node's header limit: that one is checked apart). */
const badQueryValues = [nul, loneSurrogate, "长".repeat(1_000), yearZero, dayZero, "-1", "1e309", "NaN"];
/** Malformed path segments, already URL-encoded. */
const badSegments = ["1", "not-a-uuid", "%00", "%ED%A0%80", "%E0%A4%A", "0000-01-01", "x".repeat(3_000)];

/** A plausible value for a schema, so that each request carries exactly one malformed part. */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return "文字";
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf ?? schema.oneOf;
  if (variant) return sample(variant.find((entry) => entry.type !== "null") ?? variant[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, sample(inner)]));
    case "array":
      return schema.minItems ? [sample(schema.items)] : [];
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "string":
      if (schema.format === "uuid") return randomUUID();
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "date") return "2026-03-02";
      return "文字";
    default:
      return "文字";
  }
}

/** Every string-typed (or untyped) place in a sample body, as a path of keys. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((inner, index) => stringPaths(inner, [...path, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => stringPaths(inner, [...path, key]));
  return [];
}

function withValue(body: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[path[0]!] = withValue(copy[path[0]!], path.slice(1), value);
  return copy;
}

interface Probe {
  label: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** The malformed requests for one operation: one bad part each, everything else plausible. */
function probesFor(openapiPath: string, operation: Operation): Probe[] {
  const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
  const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === "query");
  const fill = (overrides: Record<string, string> = {}) =>
    `/api/v1${openapiPath.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => overrides[name] ?? (name === "date" ? "2026-03-02" : randomUUID()))}`;
  const validQuery = Object.fromEntries(queryParams.map((parameter) => [parameter.name, String(sample(parameter.schema))]));
  const schema = operation.requestBody?.content["application/json"].schema;
  const validBody = schema ? sample(schema) : undefined;
  const probes: Probe[] = [];
  for (const parameter of pathParams) {
    for (const segment of badSegments) probes.push({ label: `path ${parameter.name}=${segment.slice(0, 20)}`, path: fill({ [parameter.name]: segment }), query: validQuery, body: validBody });
  }
  for (const parameter of queryParams) {
    for (const value of badQueryValues) probes.push({ label: `query ${parameter.name}=${JSON.stringify(value.slice(0, 20))}`, path: fill(), query: { ...validQuery, [parameter.name]: value }, body: validBody });
  }
  // an unknown query parameter carrying a NUL: every route, even one that takes no input
  probes.push({ label: "query extra NUL", path: fill(), query: { ...validQuery, extra: nul }, body: validBody });
  if (schema) {
    for (const place of stringPaths(validBody)) {
      for (const value of badStrings) probes.push({ label: `body ${place.join(".")}=${JSON.stringify(value.slice(0, 20))}`, path: fill(), query: validQuery, body: withValue(validBody, place, value) });
    }
    probes.push({ label: "body NUL key", path: fill(), query: validQuery, body: { ...(validBody as object), [nul]: "文字" } });
    probes.push({ label: "body wrong types", path: fill(), query: validQuery, body: Object.fromEntries(Object.keys((validBody as object) ?? {}).map((key) => [key, { nested: [nul] }])) });
  }
  return probes;
}

const chinese = /[\u4e00-\u9fa5]/;

/**
 * Walks every route of the OpenAPI document the app serves, signed in with a role that gets past the door
 * (a county staff member holding every role, or a consented student), sending malformed ids, NUL bytes,
 * lone surrogates, year-0000 and out-of-range dates, oversized strings and wrong types, one at a time. No
 * answer may be a 5xx, and every error answer has the { error: { code, message } } shape in Chinese.
 */
describe("malformed input walk", () => {
  let t: TestApp;
  let staffId: string;
  let userId: string;
  let document: { paths: Record<string, Partial<Record<Method, Operation>>> };
  beforeAll(async () => {
    t = await createTestApp();
    const school = await buildSchool(t.db);
    staffId = (await buildStaff(t.db, { roles: [...staffRoles], scope: "county" })).id;
    userId = (await signInConsentedUser(t, { ageBand: "14_17", schoolId: school.id })).me.id;
    document = (await t.request.get("/api/v1/openapi.json").expect(200)).body;
  });
  afterAll(() => t.close());

  const contracts = new Map((Object.entries(apiRoutes) as Array<[string, RouteContract]>).map(([name, contract]) => [name, contract]));

  it("covers every route contract", () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation!.operationId));
    expect(operations.sort()).toEqual([...contracts.keys()].sort());
  });

  it("answers every malformed request on every route without a 5xx, in the error shape", async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let probed = 0;
    const routes = Object.entries(document.paths).flatMap(([openapiPath, methods]) => (Object.entries(methods) as Array<[Method, Operation]>).map(([method, operation]) => ({ openapiPath, method, operation })));
    const walkRoute = async ({ openapiPath, method, operation }: (typeof routes)[number]) => {
      const contract = contracts.get(operation.operationId)!;
      // a fresh session per route: a probe that (wrongly) succeeded must not lock the walk out of the rest
      const token =
        contract.audience === "staff"
          ? await sessionTokenFor(t.db, { type: "staff", id: staffId }, t.clock.now())
          : contract.audience === "user"
            ? await sessionTokenFor(t.db, { type: "user", id: userId }, t.clock.now())
            : null;
      for (const probe of probesFor(openapiPath, operation)) {
        t.clock.advance(61_000); // past every per-minute rate limit, so probes reach validation
        let request = t.request[method](probe.path).query(probe.query ?? {});
        if (token) request = request.set("Authorization", `Bearer ${token}`);
        if (probe.body !== undefined && method !== "get" && method !== "delete") request = request.set("Content-Type", "application/json").send(JSON.stringify(probe.body));
        const response = await request;
        probed += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const where = `${method.toUpperCase()} ${openapiPath} (${operation.operationId}) ${probe.label}`;
        if (response.status >= 500) failures.push(`${where} → ${response.status} ${JSON.stringify(response.body)}`);
        else if (response.status >= 400) {
          const error = (response.body as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof error?.code !== "string" || typeof error.message !== "string" || !chinese.test(error.message)) failures.push(`${where} → ${response.status} without the error shape: ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    };
    // four routes at a time (each route's probes one after another): ~3 700 requests, mostly waiting on the database
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < routes.length) await walkRoute(routes[next++]!);
      }),
    );
    expect(failures).toEqual([]);
    // the walk reached validation: most probes were refused as bad input, not at the door
    const refused = (statuses.get(400) ?? 0) + (statuses.get(413) ?? 0);
    expect(refused / probed).toBeGreaterThan(0.7);
    expect(probed).toBeGreaterThan(500);
  }, 600_000);
});

/** Errors no handler answers: unknown paths, wrong methods, headers too large for Node, a bad request line. */
describe("error shape outside the API handlers", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ seed: false });
  });
  afterAll(() => s.close());

  const expectShape = (body: unknown, code: string) => {
    expect(body).toMatchObject({ error: { code, message: expect.stringMatching(chinese) } });
  };

  it("answers an unknown API path, an unknown page and a wrong method with the error shape", async () => {
    const api = await fetch(`${s.baseUrl}/api/v1/no-such-thing`);
    expect(api.status).toBe(404);
    expectShape(await api.json(), "ROUTE_NOT_FOUND");
    const page = await fetch(`${s.baseUrl}/no-such-page`);
    expect(page.status).toBe(404);
    expectShape(await page.json(), "PAGE_NOT_FOUND");
    const wrongMethod = await fetch(`${s.baseUrl}/api/v1/public/config`, { method: "PUT" });
    expect(wrongMethod.status).toBe(405);
    expectShape(await wrongMethod.json(), "METHOD_NOT_ALLOWED");
  });

  async function raw(request: string): Promise<{ status: number; body: unknown }> {
    const url = new URL(s.baseUrl);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (received += chunk));
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    const [head, body] = text.split("\r\n\r\n");
    return { status: Number(head!.split(" ")[1]), body: JSON.parse(body!) };
  }

  it("answers headers too large for the server with 431 and the error shape", async () => {
    const response = await raw(`GET /api/v1/public/config HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expectShape(response.body, "HEADERS_TOO_LARGE");
  });

  it("answers a request line that is not HTTP with 400 and the error shape", async () => {
    const response = await raw("THIS IS NOT HTTP\r\n\r\n");
    expect(response.status).toBe(400);
    expectShape(response.body, "BAD_REQUEST");
  });
});
