import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, isAbsolute, join, normalize, relative as relativePath, resolve } from "node:path";
import type { Next } from "koa";
import type { AppContext } from "./context";
import { compressedCopy, isCompressible, negotiateEncoding } from "./compressedFiles";

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
    const extension = extname(file);
    ctx.type = contentTypes[extension] ?? "application/octet-stream";
    ctx.set("Cache-Control", cacheControlFor(file));
    const size = statSync(file).size;
    if (isCompressible(extension, size)) {
      ctx.vary("Accept-Encoding");
      const encoding = negotiateEncoding(ctx.get("accept-encoding"));
      if (encoding) {
        ctx.set("Content-Encoding", encoding);
        ctx.body = compressedCopy(file, encoding);
        return;
      }
    }
    ctx.body = createReadStream(file);
    ctx.length = size;
  };
}

/** A content hash in the name (app.3f9c2a1b.js, chunk-BX2k9dQe.js): never changes, cache for a year. */
const hashedName = /[.-][0-9a-zA-Z_]{8,}\.(js|mjs|css|svg|png|jpg|woff2|ttf|map)$/;

/**
 * index.html is revalidated on every load (it names the current hashed bundles); hashed files are
 * immutable for a year; anything else (unhashed icons, manifest) an hour.
 */
export function cacheControlFor(file: string): string {
  if (extname(file) === ".html") return "no-cache";
  const name = file.slice(file.lastIndexOf("/") + 1);
  if (hashedName.test(name) && /\d/.test(name) && /[a-z]/i.test(name.replace(/\.[a-z0-9]+$/i, ""))) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}
