import { describe, expect, it } from "vitest";
import { JobTimeoutError, runJob, type JobHandlers } from "../runtime/run-job";
import { UnrecoverableJobError } from "../runtime/unrecoverable-job-error";

const never = () => new Promise<never>(() => {});
const handlers: JobHandlers<{ hang: boolean }> = {
  "probe.run": async (_p, ctx) => (ctx.hang ? never() : "probed"),
  "package.probe": async () => "package probed",
  "grade.compute": async () => "graded",
  "rollup.rebuild": async () => "rebuilt",
};

describe("runJob", () => {
  it("validates the payload and dispatches to the job's handler", async () => {
    expect(await runJob(handlers, "grade.compute", { serviceId: "freee", reason: "manual" }, { hang: false })).toBe("graded");
    await expect(runJob(handlers, "grade.compute", { serviceId: "", reason: "manual" }, { hang: false })).rejects.toBeInstanceOf(UnrecoverableJobError);
    await expect(runJob(handlers, "nope.never", {}, { hang: false })).rejects.toThrow(/unknown job "nope.never"/);
  });

  it("enforces the job's time bound: a hung handler fails (retryably) instead of holding its slot", async () => {
    const payload = { serviceId: "freee", path: "direct", trigger: "manual", requestId: "r" };
    await expect(runJob(handlers, "probe.run", payload, { hang: true }, { timeoutMs: 30 })).rejects.toBeInstanceOf(JobTimeoutError);
    expect(await runJob(handlers, "probe.run", payload, { hang: false }, { timeoutMs: 30 })).toBe("probed");
  });
});
