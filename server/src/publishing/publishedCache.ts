import { createHash } from "node:crypto";
import type { Services } from "../services";

/** One cached answer: the JSON text as sent and its ETag, computed once per change. */
export interface CachedBody {
  json: string;
  etag: string;
}

export function cachedBodyOf(value: unknown): CachedBody {
  const json = JSON.stringify(value);
  return { json, etag: `"${createHash("sha1").update(json).digest("base64url")}"` };
}

/**
 * The in-process cache of published content, the read hot path. Entries are dropped when any process
 * changes publishing state (publish, unpublish, edit, schedule, sign-up counts): locally right after the
 * commit, and in other processes through pg NOTIFY (ids only; see publishingListener). A load that started
 * before an invalidation is not stored (generation check), so a slow reader cannot put stale data back.
 */
export class PublishedCache {
  private generation = 0;
  private readonly entries = new Map<string, unknown>();
  /** False while the cross-process listener is down: reads load from the database and store nothing. */
  private trusted = true;

  /**
   * The cached value for key, or load() it and cache it unless something changed meanwhile. A null
   * answer (not published, unknown id) is never stored, so requests for made-up ids cannot grow the cache.
   */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const startedAt = this.generation;
    const value = await load();
    if (value !== null && this.trusted && startedAt === this.generation) this.entries.set(key, value);
    return value;
  }

  /**
   * Anything published may have changed: feeds and campaign pages mix many items, so every entry goes
   * (publishing is rare next to reading; the next read reloads).
   */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.invalidate();
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Services, PublishedCache>();

/** One cache per process (per Services, so two test apps in one process behave like two processes). */
export function publishedCacheOf(services: Services): PublishedCache {
  let cache = caches.get(services);
  if (!cache) {
    cache = new PublishedCache();
    caches.set(services, cache);
  }
  return cache;
}
