/**
 * Route URLs, built one way for the server (OpenAPI), the admin and the mini-program. Paths are Koa
 * style (`/letters/:id`); every value is URL-encoded; empty query values are left out.
 */
export type PathParams = Readonly<Record<string, string>>;
export type QueryValue = string | number | boolean | null | undefined;

const paramPattern = /:([A-Za-z]+)/g;

/** `/staff/:id` + { id } -> `/staff/3f…`. A missing or empty parameter is a programming error: throws. */
export function fillRoutePath(path: string, params: PathParams = {}): string {
  return path.replace(paramPattern, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new Error(`缺少路径参数 ${name}（${path}）`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` from an object, leaving out undefined, null and empty values; "" when nothing is left. */
export function routeQueryString(query: object | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query) as Array<[string, QueryValue]>) {
    if (value === undefined || value === null || value === "") continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** `/letters/:id` -> `/letters/{id}` (OpenAPI's way of writing a path parameter). */
export function openApiPath(path: string): string {
  return path.replace(paramPattern, "{$1}");
}

/** Every parameter of a path replaced by `value(name)` (tests probing every route). */
export function samplePath(path: string, value: (name: string) => string): string {
  return path.replace(paramPattern, (_match, name: string) => value(name));
}
