import { fillRoutePath, isErrorBody, routeQueryString, type BodyOf, type PathParams, type QueryOf, type RouteContract, type StaffSessionView } from "@xinyuan/shared";

/**
 * The admin's one request wrapper. Every page calls the API through `call(contract, options)` with a
 * route contract from @xinyuan/shared, so paths and request shapes come from one place, and every
 * failure goes through one error policy instead of try/catch in pages.
 *
 * Kept free of React and antd so it can be tested in node against a real HTTP server; the UI plugs its
 * message/notification functions in with `configureApiClient` (see feedback/ApiClientBridge.tsx).
 */

/** How a failed call is shown: not at all (the caller shows it inline), a short toast, or a notification. */
export type ErrorPolicy = "silent" | "message" | "notification";

/** Codes that mean the staff member's session is gone: the app returns to the login page. */
export const sessionEndingCodes: ReadonlySet<string> = new Set(["SESSION_EXPIRED", "UNAUTHENTICATED"]);

/** Codes that mean a forced first step is still open: the app sends the staff member to it. */
export const requiredStepCodes = {
  PASSWORD_CHANGE_REQUIRED: "change_password",
  TOTP_ENROLMENT_REQUIRED: "enrol_totp",
} as const satisfies Record<string, StaffSessionView["pending"][number]>;

function isRequiredStepCode(code: string): code is keyof typeof requiredStepCodes {
  return Object.prototype.hasOwnProperty.call(requiredStepCodes, code);
}

export type RequiredStep = (typeof requiredStepCodes)[keyof typeof requiredStepCodes];

export const networkErrorMessage = "网络连接不稳定，请检查网络后重试。";
export const unexpectedErrorMessage = "服务暂时出了点问题，请稍后再试。";

/** A failed API call, carrying the server's stable code and its Chinese message fit to show. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get endsSession(): boolean {
    return this.status === 401 && sessionEndingCodes.has(this.code);
  }

  /** The forced step (new password, authenticator) the server wants finished first, if that is the refusal. */
  get requiredStep(): RequiredStep | null {
    const code = this.code;
    return isRequiredStepCode(code) ? requiredStepCodes[code] : null;
  }
}

export type { PathParams };

export interface CallOptions<C> {
  params?: PathParams;
  query?: QueryOf<C>;
  body?: BodyOf<C>;
  /** Defaults to "message". Use "silent" when the page shows the error itself (forms, login). */
  policy?: ErrorPolicy;
  signal?: AbortSignal;
  /** "blob" for a file download (a report); errors still arrive as the JSON error shape. */
  responseType?: "json" | "blob";
}

export interface ApiClientConfig {
  /** "/api/v1" in the browser, an absolute URL in tests. */
  baseUrl: string;
  getToken: () => string | null;
  /**
   * Called for a call whose answer says the session has ended (401 SESSION_EXPIRED / UNAUTHENTICATED),
   * with the token that call carried, so a late answer to an old session cannot end a newer one.
   */
  onSessionEnded: (error: ApiError, token: string | null) => void;
  /** Called instead of a toast when the server refuses because a forced first step is still open. */
  onStepRequired: (step: RequiredStep, token: string | null) => void;
  notify: (error: ApiError, policy: Exclude<ErrorPolicy, "silent">) => void;
  fetch?: typeof fetch;
}

/** Builds `baseUrl + path` with `:param` segments filled in and empty query values left out (shared/src/api/routeUrl.ts). */
export function buildUrl(baseUrl: string, path: string, params: PathParams = {}, query?: object): string {
  return `${baseUrl.replace(/\/+$/, "")}${fillRoutePath(path, params)}${routeQueryString(query)}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new ApiError(code, message || unexpectedErrorMessage, status, details);
  }
  return new ApiError(status >= 500 ? "INTERNAL" : "HTTP_ERROR", unexpectedErrorMessage, status);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/**
 * Creates a `call` function bound to one configuration. The response type is whatever the caller's
 * declared return type says (services declare it), because the shared contracts describe requests only.
 */
export function createApiClient(config: ApiClientConfig) {
  const doFetch = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<C extends RouteContract, TResponse = unknown>(contract: C, options: CallOptions<C> = {}): Promise<TResponse> {
    const policy = options.policy ?? "message";
    const url = buildUrl(config.baseUrl, contract.path, options.params, options.query ?? undefined);
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = config.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const hasBody = contract.method !== "get" && options.body !== undefined;
    if (hasBody) headers["Content-Type"] = "application/json";

    const fail = (error: ApiError): never => {
      const step = error.requiredStep;
      if (error.endsSession) config.onSessionEnded(error, token);
      else if (step) config.onStepRequired(step, token);
      else if (policy !== "silent") config.notify(error, policy);
      throw error;
    };

    let response: Response;
    try {
      response = await doFetch(url, {
        method: contract.method.toUpperCase(),
        headers,
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      return fail(new ApiError("NETWORK_ERROR", networkErrorMessage, 0));
    }

    if (response.ok && options.responseType === "blob") return (await response.blob()) as TResponse;
    const payload = await readJson(response);
    if (!response.ok) return fail(errorFromResponse(response.status, payload));
    return payload as TResponse;
  }

  return { call };
}

let activeConfig: ApiClientConfig = {
  baseUrl: "/api/v1",
  getToken: () => null,
  onSessionEnded: () => undefined,
  onStepRequired: () => undefined,
  notify: () => undefined,
};
let activeClient = createApiClient(activeConfig);

/** Lets the app plug in its session store and antd feedback once at start-up. */
export function configureApiClient(changes: Partial<ApiClientConfig>): void {
  activeConfig = { ...activeConfig, ...changes };
  activeClient = createApiClient(activeConfig);
}

/** The call every service uses: `call(apiRoutes.listStaff, { query })`. */
export function call<C extends RouteContract, TResponse = unknown>(contract: C, options?: CallOptions<C>): Promise<TResponse> {
  return activeClient.call<C, TResponse>(contract, options);
}
