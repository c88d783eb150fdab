import { existsSync, readdirSync, readFileSync } from "node:fs";

/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on every Linux the project runs on. */
const clockTicksPerSecond = 100;

/**
 * CPU time (user + system, seconds) used so far by groups of processes, read from Linux's /proc: the
 * chat benchmark prints what the server, PostgreSQL, the idle-socket clients and the bench itself
 * cost during the open loop, since they all share the machine's cores. Empty where /proc is missing.
 * A group is a list of pids, or "postgres" for every process named postgres (the backends come and go).
 */
export function cpuSecondsOf(groups: Record<string, number[] | "postgres">): Record<string, number> {
  if (!existsSync("/proc/self/stat")) return {};
  const ticksOf = (pid: string): { name: string; ticks: number } | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return { name, ticks: Number(fields[11]) + Number(fields[12]) }; // utime + stime
    } catch {
      return undefined; // the process ended meanwhile
    }
  };
  const seconds: Record<string, number> = {};
  let everyProcess: Array<{ name: string; ticks: number }> | undefined;
  for (const [group, members] of Object.entries(groups)) {
    if (members === "postgres") {
      everyProcess ??= readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => ticksOf(pid) ?? []);
      seconds[group] = everyProcess.filter((one) => one.name === "postgres").reduce((sum, one) => sum + one.ticks, 0) / clockTicksPerSecond;
    } else seconds[group] = members.reduce((sum, pid) => sum + (ticksOf(String(pid))?.ticks ?? 0), 0) / clockTicksPerSecond;
  }
  return seconds;
}
