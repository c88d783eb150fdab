import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/** Lock files this process holds, so a second open in the same process is refused too. */
const heldByThisProcess = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file's content: "<pid>@<host>" (an older lock holds the pid alone, taken as this host). */
function parseOwner(content: string): { pid: number; host: string | null } {
  const [pid, host] = content.trim().split("@");
  return { pid: Number.parseInt(pid ?? "", 10), host: host ?? null };
}

/**
 * PGlite has one connection per folder: two processes on one folder silently lose writes. The lock file
 * holds the owner's pid and host; a second process refuses to start, a stale lock of a dead process on
 * this host is taken over. A lock written on another host (two containers sharing a volume, both pid 1)
 * is never taken over: its owner cannot be checked from here, so the operator decides.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "xinyuan.lock");
  // Our own pid in the file is a stale lock (a restarted container is pid 1 again) unless this process holds it.
  if (heldByThisProcess.has(resolve(lockPath))) throw new DataDirLockedError(`data folder ${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}@${hostname()}`);
      closeSync(fd);
      heldByThisProcess.add(resolve(lockPath));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(resolve(lockPath));
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const content = readFileSync(lockPath, "utf8");
      const owner = parseOwner(content);
      if (owner.host !== null && owner.host !== hostname()) {
        throw new DataDirLockedError(`data folder ${dataDir} is locked by process ${owner.pid} on host ${owner.host}; one process per folder (if that host is gone for good, delete ${lockPath})`);
      }
      if (Number.isFinite(owner.pid) && owner.pid !== process.pid && processAlive(owner.pid)) {
        throw new DataDirLockedError(`data folder ${dataDir} is in use by process ${owner.pid}; one process per folder (set DATA_DIR to another folder or stop the other process)`);
      }
      // Remove only the stale lock we read: another process may have just replaced it with a live one.
      if (readFileSync(lockPath, "utf8") === content) rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock data folder ${dataDir}`);
}
