import { existsSync, readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type ContentEncoding = "br" | "gzip";

/** Text-like types worth compressing (images and woff2 are compressed already). */
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".map", ".ttf", ".txt", ".xml"]);
/** Below this a compressed body saves less than the header costs. */
const minBytes = 1024;
/** Memory kept for compressed copies (per process); the oldest go first when it is full. */
const cacheBudgetBytes = 64 * 1024 * 1024;

/**
 * The best encoding the client accepts (brotli before gzip), honouring q=0. Null: send it as is.
 * Parses "gzip, deflate, br", "br;q=1.0, gzip;q=0.8, *;q=0.1", "identity".
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weightOf = (name: ContentEncoding) => weights.get(name) ?? weights.get("*") ?? 0;
  if (weightOf("br") > 0 && weightOf("br") >= weightOf("gzip")) return "br";
  if (weightOf("gzip") > 0) return "gzip";
  return null;
}

export function isCompressible(extension: string, size: number): boolean {
  return compressible.has(extension) && size >= minBytes;
}

interface CachedCopy {
  body: Buffer;
  mtimeMs: number;
  size: number;
}

const cache = new Map<string, CachedCopy>();
let cachedBytes = 0;

/**
 * A compressed copy of a file: a precomputed `file.br` / `file.gz` from the build when it is at least as
 * new as the file, otherwise compressed once (brotli quality 9, gzip level 9) and kept in memory until the
 * file changes. Synchronous on purpose: built bundles are a few hundred KB and this runs once per file.
 */
export function compressedCopy(file: string, encoding: ContentEncoding): Buffer {
  const stat = statSync(file);
  const key = `${encoding}:${file}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit.body;
  }
  const precomputed = `${file}.${encoding === "br" ? "br" : "gz"}`;
  const body =
    existsSync(precomputed) && statSync(precomputed).mtimeMs >= stat.mtimeMs
      ? readFileSync(precomputed)
      : encoding === "br"
        ? brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: stat.size } })
        : gzipSync(readFileSync(file), { level: 9 });
  if (hit) cachedBytes -= hit.body.length;
  cache.delete(key);
  cache.set(key, { body, mtimeMs: stat.mtimeMs, size: stat.size });
  cachedBytes += body.length;
  for (const [oldKey, old] of cache) {
    if (cachedBytes <= cacheBudgetBytes) break;
    cache.delete(oldKey);
    cachedBytes -= old.body.length;
  }
  return body;
}
