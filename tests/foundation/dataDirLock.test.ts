import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../server/src/db/openDatabase";
import { DataDirLockedError } from "../../server/src/db/dataDirLock";

describe("PGlite data folder lock", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "xinyuan-lock-"));
  const lockPath = join(dataDir, "xinyuan.lock");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a second open of a folder that is in use, and releases it on close", async () => {
    const first = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}@${hostname()}`);
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
    expect(existsSync(lockPath)).toBe(false);
  });

  it("refuses a folder another live process holds", async () => {
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      writeFileSync(lockPath, String(other.pid));
      await expect(openDatabase({ dataDir })).rejects.toThrow(new RegExp(`in use by process ${other.pid}`));
      expect(readFileSync(lockPath, "utf8")).toBe(String(other.pid));
    } finally {
      other.kill();
      rmSync(lockPath, { force: true });
    }
  });

  it("takes over the stale lock of a process that died", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]);
    writeFileSync(lockPath, String(dead.pid));
    const open = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}@${hostname()}`);
    } finally {
      await open.close();
    }
  });

  it("never takes over a lock written on another host, even one holding our own pid (two containers, both pid 1)", async () => {
    writeFileSync(lockPath, `${process.pid}@another-container`);
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/on host another-container/);
      expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}@another-container`);
    } finally {
      rmSync(lockPath, { force: true });
    }
  });
});
