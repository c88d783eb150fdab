import type { Services } from "../services";

/**
 * A background job starts with the server and returns its stop function. Jobs must be safe with several
 * server processes running (claim work with row locks, never rely on one process's memory).
 */
export type BackgroundJob = (services: Services) => () => void;

/** Runs `work` every `intervalMs`, never overlapping itself, logging (not throwing) failures. */
export function everyInterval(name: string, intervalMs: number, work: (services: Services) => Promise<void>): BackgroundJob {
  return (services) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      work(services)
        .catch((error: unknown) => services.log.error({ err: error, job: name }, "background job failed"))
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  };
}
