import { describe, expect, it } from "vitest";
import { jobDefinitions, type JobName } from "@kensa/services";
import { InProcessRunner, type JobFailure } from "../runtime/in-process-runner";
import { UnrecoverableJobError } from "../runtime/unrecoverable-job-error";

const payload = (serviceId: string, tick = 0) => ({ serviceId, path: "direct" as const, trigger: "schedule" as const, tick });

describe("in-process runner", () => {
  it("never runs more jobs at once than its concurrency", async () => {
    let running = 0;
    let peak = 0;
    const runner = new InProcessRunner(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    }, { concurrency: 3 });
    for (let i = 0; i < 20; i++) await runner.add("probe.run", payload(`s${i}`));
    await runner.idle();
    expect(peak).toBe(3);
  });

  it("retries our failures with backoff until they succeed, and reports each failure", async () => {
    const attempts = new Map<string, number>();
    const failures: JobFailure[] = [];
    const runner = new InProcessRunner(async (_name: JobName, p: unknown) => {
      const id = (p as { serviceId: string }).serviceId;
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      if (attempts.get(id)! < 3) throw new Error("database briefly down");
    }, { concurrency: 2, backoffScale: 0.001, onFailure: (f) => failures.push(f) });
    await runner.add("probe.run", payload("flaky"));
    await runner.idle();
    expect(attempts.get("flaky")).toBe(3);
    expect(failures.map((f) => f.final)).toEqual([false, false]);
  });

  it("gives up after the job's attempts and says the failure is final", async () => {
    const failures: JobFailure[] = [];
    const runner = new InProcessRunner(async () => {
      throw new Error("always down");
    }, { concurrency: 1, backoffScale: 0.0001, onFailure: (f) => failures.push(f) });
    await runner.add("grade.compute", { serviceId: "x", reason: "manual" });
    await runner.idle();
    expect(failures).toHaveLength(jobDefinitions["grade.compute"].attempts);
    expect(failures.at(-1)!.final).toBe(true);
  });

  it("does not retry an unrecoverable job (a bad payload), and reports it", async () => {
    const failures: JobFailure[] = [];
    let calls = 0;
    const runner = new InProcessRunner(async () => {
      calls += 1;
      throw new UnrecoverableJobError("invalid probe.run payload: serviceId: too short");
    }, { concurrency: 1, backoffScale: 0.001, onFailure: (f) => failures.push(f) });
    await runner.add("probe.run", payload("x"));
    await runner.idle();
    expect(calls).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ final: true })]);
  });

  it("drops a duplicate job id while the first is pending", async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runner = new InProcessRunner(async (_n, p) => {
      seen.push((p as { serviceId: string }).serviceId);
      await gate;
    }, { concurrency: 4 });
    await runner.add("probe.run", payload("a"), { jobId: "same" });
    await runner.add("probe.run", payload("b"), { jobId: "same" });
    release();
    await runner.idle();
    expect(seen).toEqual(["a"]);
  });

  it("dedupe: an add while the job waits is dropped; an add while it runs is kept (the latest) and runs after it", async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const firstRunning = new Promise<void>((r) => (started = r));
    const runner = new InProcessRunner(async (_n, p) => {
      const id = (p as { serviceId: string }).serviceId;
      seen.push(id);
      if (id === "first") {
        started();
        await gate;
      }
    }, { concurrency: 1 });
    const grade = (serviceId: string) => runner.add("grade.compute", { serviceId, reason: "new-evidence" }, { dedupeId: "grade|x" });
    await runner.add("probe.run", payload("blocker"));
    await grade("first");
    await grade("dropped-while-waiting");
    await firstRunning; // held by the gate
    await grade("superseded");
    await grade("latest");
    release();
    await runner.idle();
    expect(seen).toEqual(["blocker", "first", "latest"]);
  });

  it("close() waits for running jobs and refuses new ones", async () => {
    let finished = false;
    const runner = new InProcessRunner(async () => {
      await new Promise((r) => setTimeout(r, 20));
      finished = true;
    }, { concurrency: 1 });
    await runner.add("probe.run", payload("slow"));
    await runner.close();
    expect(finished).toBe(true);
    await expect(runner.add("probe.run", payload("late"))).rejects.toThrow(/closed/);
  });
});
