import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
      expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));
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
      expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));
    } finally {
      await open.close();
    }
  });
});
