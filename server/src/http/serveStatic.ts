import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, isAbsolute, join, normalize, relative as relativePath, resolve } from "node:path";
import type { Next } from "koa";
import type { AppContext } from "./context";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json",
};

/**
 * Serves a built single-page app under a prefix (/admin, /h5); unknown paths get index.html so the
 * client router decides. Paths are resolved inside the folder only.
 */
export function serveSpa(prefix: string, folder: string) {
  const root = resolve(folder);
  return async (ctx: AppContext, next: Next): Promise<void> => {
    if (ctx.method !== "GET" && ctx.method !== "HEAD") return next();
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path.slice(prefix.length + 1));
    } catch {
      return next(); // a malformed %-escape is simply not a file of ours
    }
    const relative = normalize(decoded);
    let file = join(root, relative);
    // inside the folder, not merely starting with its name (…/h5-old is not inside …/h5)
    const inside = relativePath(root, file);
    if (inside.startsWith("..") || isAbsolute(inside)) return next();
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(relative) !== "" && extname(relative) !== ".html") return next();
      file = join(root, "index.html");
      if (!existsSync(file)) return next();
    }
    const isIndex = file.endsWith("index.html");
    ctx.type = contentTypes[extname(file)] ?? "application/octet-stream";
    ctx.set("Cache-Control", isIndex ? "no-cache" : "public, max-age=604800, immutable");
    ctx.body = createReadStream(file);
  };
}
