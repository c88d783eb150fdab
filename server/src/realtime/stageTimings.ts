import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from "node:perf_hooks";

/**
 * Where a realtime message spends its time inside one server process, for the chat benchmark
 * (tests/bench/chatBench.ts asks the server process for them): samples per named stage, the
 * event loop's delay and the GC pauses while recording. Off unless a bench turns it on, and then a
 * sample is one array push: production never records anything.
 */
interface Recording {
  samples: Map<string, number[]>;
  loop: IntervalHistogram;
  gc: number[];
  observer: PerformanceObserver;
}

let recording: Recording | undefined;

export const stageTimings = {
  get on(): boolean {
    return recording !== undefined;
  },
  /** Adds one sample (milliseconds) to a stage; nothing when not recording. */
  add(stage: string, ms: number): void {
    if (!recording) return;
    const list = recording.samples.get(stage);
    if (list) list.push(ms);
    else recording.samples.set(stage, [ms]);
  },
  start(): void {
    stageTimings.stop();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const gc: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => gc.push(entry.duration)));
    observer.observe({ entryTypes: ["gc"] });
    recording = { samples: new Map(), loop, gc, observer };
  },
  stop(): void {
    recording?.loop.disable();
    recording?.observer.disconnect();
    recording = undefined;
  },
  /** Per stage n / p50 / p99 / max (ms), the event-loop delay and the GC pauses since start(). */
  report(): Record<string, { n: number; p50: number; p99: number; max: number; total?: number }> {
    if (!recording) return {};
    const out: Record<string, { n: number; p50: number; p99: number; max: number; total?: number }> = {};
    const figures = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
    };
    for (const [stage, values] of recording.samples) out[stage] = figures(values);
    const { loop } = recording;
    out["event loop delay"] = { n: loop.count, p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
    out["gc pauses"] = { ...figures(recording.gc), total: recording.gc.reduce((sum, value) => sum + value, 0) };
    return out;
  },
};
