import { describe, expect, it } from "vitest";
import type { AddOptions, JobName, JobQueue } from "@kensa/services";
import { InProcessScheduler } from "../runtime/in-process-scheduler";

class RecordingQueue implements JobQueue {
  added: { name: JobName; payload: unknown; options?: AddOptions }[] = [];
  async add(name: JobName, payload: unknown, options?: AddOptions) {
    this.added.push({ name, payload, options });
  }
}

const clockAt = (start: number) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe("in-process scheduler", () => {
  it("enqueues each service once per aligned tick of its interval, by the clock it is given", async () => {
    const queue = new RecordingQueue();
    const clock = clockAt(Date.UTC(2026, 0, 1));
    const scheduler = new InProcessScheduler(queue, clock);
    scheduler.sync([
      { serviceId: "fast", path: "direct", intervalMs: 60_000 },
      { serviceId: "slow", path: "direct", intervalMs: 3_600_000 },
    ]);
    await scheduler.poll();
    await scheduler.poll(); // same instant: nothing new
    for (let i = 0; i < 120; i++) {
      clock.advance(30_000);
      await scheduler.poll();
    }
    const count = (id: string) => queue.added.filter((a) => (a.payload as { serviceId: string }).serviceId === id).length;
    expect(count("fast")).toBe(61); // the first tick, then one per minute over 60 minutes
    expect(count("slow")).toBe(2); // 00:00 and 01:00
    const ticks = queue.added.filter((a) => (a.payload as { serviceId: string }).serviceId === "fast").map((a) => (a.payload as { tick: number }).tick);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.every((t) => t % 60_000 === 0)).toBe(true);
  });

  it("a package schedule enqueues package.probe beside the same service's probe.run, with keys that never meet", async () => {
    const queue = new RecordingQueue();
    const scheduler = new InProcessScheduler(queue, clockAt(Date.UTC(2026, 0, 1)));
    scheduler.sync([
      { serviceId: "backlog", path: "direct", intervalMs: 900_000 },
      { serviceId: "backlog", path: "package", intervalMs: 3_600_000 },
    ]);
    await scheduler.poll();
    expect(queue.added.map((a) => a.name).sort()).toEqual(["package.probe", "probe.run"]);
    const pkg = queue.added.find((a) => a.name === "package.probe")!;
    expect(pkg.payload).toEqual({ serviceId: "backlog", trigger: "schedule", intervalMs: 3_600_000, tick: Date.UTC(2026, 0, 1) });
    expect(pkg.options?.jobId).toBe("package.probe|backlog|package|tick|2026-01-01T00|00|00.000Z");
    expect(queue.added.find((a) => a.name === "probe.run")!.options?.jobId).not.toBe(pkg.options?.jobId);
  });

  it("reports added, changed and removed schedules and stops removed services", async () => {
    const queue = new RecordingQueue();
    const clock = clockAt(0);
    const scheduler = new InProcessScheduler(queue, clock);
    expect(scheduler.sync([{ serviceId: "a", path: "direct", intervalMs: 1000 }, { serviceId: "b", path: "direct", intervalMs: 1000 }]))
      .toEqual({ added: ["probe|a|direct", "probe|b|direct"], changed: [], removed: [], unchanged: 0 });
    expect(scheduler.sync([{ serviceId: "a", path: "direct", intervalMs: 2000 }]))
      .toEqual({ added: [], changed: ["probe|a|direct"], removed: ["probe|b|direct"], unchanged: 0 });
    await scheduler.poll();
    expect(queue.added.map((a) => (a.payload as { serviceId: string }).serviceId)).toEqual(["a"]);
  });
});
