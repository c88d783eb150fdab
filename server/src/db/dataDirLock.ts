import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
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

/**
 * PGlite has one connection per folder: two processes on one folder silently lose writes. The lock file
 * holds the owner's pid; a second process refuses to start, a stale lock of a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "xinyuan.lock");
  // Our own pid in the file is a stale lock (a restarted container is pid 1 again) unless this process holds it.
  if (heldByThisProcess.has(resolve(lockPath))) throw new DataDirLockedError(`data folder ${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
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
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(owner) && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(`data folder ${dataDir} is in use by process ${owner}; one process per folder (set DATA_DIR to another folder or stop the other process)`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock data folder ${dataDir}`);
}
