import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { apiRoutes } from "@xinyuan/shared";
import { ApiError, buildUrl, createApiClient, networkErrorMessage, unexpectedErrorMessage, type ApiClientConfig, type ErrorPolicy } from "./request";

interface SeenRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

interface CannedAnswer {
  status: number;
  body?: string;
  contentType?: string;
}

const json = (status: number, value: unknown): CannedAnswer => ({ status, body: JSON.stringify(value), contentType: "application/json; charset=utf-8" });

let server: Server;
let baseUrl: string;
let seen: SeenRequest[] = [];
let answer: CannedAnswer = json(200, { ok: true });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      seen.push({
        method: request.method ?? "",
        path: url.pathname,
        search: url.searchParams,
        authorization: request.headers.authorization,
        contentType: request.headers["content-type"],
        body,
      });
      response.writeHead(answer.status, answer.contentType ? { "Content-Type": answer.contentType } : {});
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  seen = [];
  answer = json(200, { ok: true });
});

interface Recorder {
  notified: Array<{ code: string; policy: Exclude<ErrorPolicy, "silent"> }>;
  sessionEnded: Array<{ code: string; token: string | null }>;
  stepsRequired: Array<{ step: string; token: string | null }>;
}

function client(token: string | null = "token-abc", overrides: Partial<ApiClientConfig> = {}) {
  const recorder: Recorder = { notified: [], sessionEnded: [], stepsRequired: [] };
  const api = createApiClient({
    baseUrl,
    getToken: () => token,
    notify: (error, policy) => recorder.notified.push({ code: error.code, policy }),
    onSessionEnded: (error, usedToken) => recorder.sessionEnded.push({ code: error.code, token: usedToken }),
    onStepRequired: (step, usedToken) => recorder.stepsRequired.push({ step, token: usedToken }),
    ...overrides,
  });
  return { ...api, recorder };
}

function lastRequest(): SeenRequest {
  const request = seen.at(-1);
  if (!request) throw new Error("the test server saw no request");
  return request;
}

describe("request wrapper: URLs and headers", () => {
  it("builds the URL from the contract path and leaves empty query values out", async () => {
    const { call } = client();
    await call(apiRoutes.listStaff, { query: { page: 2, pageSize: 50, q: "李 老师", role: "counsellor", status: undefined, sort: "-createdAt" } });
    const request = lastRequest();
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/api/v1/staff");
    expect(Object.fromEntries(request.search)).toEqual({ page: "2", pageSize: "50", q: "李 老师", role: "counsellor", sort: "-createdAt" });
    expect(request.body).toBe("");
    expect(request.contentType).toBeUndefined();
  });

  it("fills path parameters, encoded", async () => {
    const { call } = client();
    await call(apiRoutes.resetStaffPassword, { params: { id: "a/b c" } });
    expect(lastRequest()).toMatchObject({ method: "POST", path: "/api/v1/staff/a%2Fb%20c/reset-password" });
  });

  it("attaches the bearer token when signed in, and no Authorization header otherwise", async () => {
    await client("token-abc").call(apiRoutes.getAccount);
    expect(lastRequest().authorization).toBe("Bearer token-abc");
    await client(null).call(apiRoutes.publicConfig);
    expect(lastRequest().authorization).toBeUndefined();
  });

  it("sends the body as JSON and returns the parsed answer", async () => {
    answer = json(201, { staff: { id: "s1" }, temporaryPassword: "Tmp-123456a" });
    const body = { username: "wang.xl", displayName: "王老师", roles: ["counsellor" as const], scope: { level: "school" as const, areaId: "a1", schoolId: "s1" } };
    const result: { temporaryPassword: string } = await client().call(apiRoutes.createStaff, { body });
    const request = lastRequest();
    expect(request.method).toBe("POST");
    expect(request.contentType).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual(body);
    expect(result.temporaryPassword).toBe("Tmp-123456a");
  });

  it("answers undefined for an empty 204", async () => {
    answer = { status: 204 };
    await expect(client().call(apiRoutes.logout)).resolves.toBeUndefined();
  });

  it("refuses to build a URL with a missing path parameter", () => {
    expect(() => buildUrl("/api/v1", "/staff/:id", {})).toThrow("id");
    expect(buildUrl("/api/v1/", "/areas", {}, { page: 1, q: "" })).toBe("/api/v1/areas?page=1");
  });
});

describe("request wrapper: one error policy", () => {
  it("maps { error: { code, message } } to an ApiError and shows it as a message by default", async () => {
    answer = json(409, { error: { code: "USERNAME_TAKEN", message: "该用户名已被使用，请换一个。" } });
    const { call, recorder } = client();
    const failure = await call(apiRoutes.createStaff, {
      body: { username: "wang", displayName: "王", roles: ["counsellor"], scope: { level: "county", areaId: null, schoolId: null } },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: "USERNAME_TAKEN", message: "该用户名已被使用，请换一个。", status: 409 });
    expect(recorder.notified).toEqual([{ code: "USERNAME_TAKEN", policy: "message" }]);
    expect(recorder.sessionEnded).toEqual([]);
  });

  it("uses a notification when asked, and stays quiet when silent", async () => {
    answer = json(403, { error: { code: "FORBIDDEN", message: "你没有权限进行这个操作。" } });
    const { call, recorder } = client();
    await expect(call(apiRoutes.disableStaff, { params: { id: "x" }, policy: "notification" })).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(call(apiRoutes.disableStaff, { params: { id: "x" }, policy: "silent" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(recorder.notified).toEqual([{ code: "FORBIDDEN", policy: "notification" }]);
  });

  it.each(["SESSION_EXPIRED", "UNAUTHENTICATED"])("ends the session on 401 %s with the token used, without a toast", async (code) => {
    answer = json(401, { error: { code, message: "请重新登录。" } });
    const { call, recorder } = client("token-old");
    await expect(call(apiRoutes.listStaff, { query: {} })).rejects.toMatchObject({ code, status: 401, endsSession: true });
    expect(recorder.sessionEnded).toEqual([{ code, token: "token-old" }]);
    expect(recorder.notified).toEqual([]);
  });

  it("does not end the session for other 401 answers such as a wrong password or a missing code", async () => {
    const { call, recorder } = client(null);
    answer = json(401, { error: { code: "INVALID_CREDENTIALS", message: "用户名或密码不正确。" } });
    await expect(call(apiRoutes.staffLogin, { body: { username: "a", password: "b" }, policy: "silent" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS", endsSession: false });
    answer = json(401, { error: { code: "TOTP_REQUIRED", message: "请输入身份验证器上的 6 位动态码。" } });
    await expect(call(apiRoutes.staffLogin, { body: { username: "a", password: "b" } })).rejects.toMatchObject({ code: "TOTP_REQUIRED" });
    expect(recorder.sessionEnded).toEqual([]);
    expect(recorder.notified).toEqual([{ code: "TOTP_REQUIRED", policy: "message" }]);
  });

  it.each([
    ["PASSWORD_CHANGE_REQUIRED", "change_password"],
    ["TOTP_ENROLMENT_REQUIRED", "enrol_totp"],
  ])("sends the staff member back to a forced step on 403 %s instead of a toast", async (code, step) => {
    answer = json(403, { error: { code, message: "请先完成。" } });
    const { call, recorder } = client("token-new");
    await expect(call(apiRoutes.listStaff, { query: {} })).rejects.toMatchObject({ code, requiredStep: step });
    expect(recorder.stepsRequired).toEqual([{ step, token: "token-new" }]);
    expect(recorder.notified).toEqual([]);
  });

  it("gives a calm generic error when the answer is not our error shape", async () => {
    answer = { status: 502, body: "<html>Bad Gateway</html>", contentType: "text/html" };
    await expect(client().call(apiRoutes.getAccount)).rejects.toMatchObject({ code: "INTERNAL", status: 502, message: unexpectedErrorMessage });
  });

  it("reports a network failure as NETWORK_ERROR", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { call, recorder } = client("t", { baseUrl: `http://127.0.0.1:${port}/api/v1` });
    await expect(call(apiRoutes.getAccount)).rejects.toMatchObject({ code: "NETWORK_ERROR", status: 0, message: networkErrorMessage });
    expect(recorder.notified).toEqual([{ code: "NETWORK_ERROR", policy: "message" }]);
  });
});
