import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "../index";
import { startLegacySseFixture } from "./fixtures/legacy-sse-fixture";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

describe("the legacy HTTP+SSE transport", () => {
  let fixture: Awaited<ReturnType<typeof startLegacySseFixture>>;
  beforeAll(async () => {
    fixture = await startLegacySseFixture();
  });
  afterAll(() => fixture.close());

  it("is reached by falling back after Streamable HTTP is refused, as the spec's compatibility section says", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("echo", { message: "old" }), call("reject")] }));
    expect(result.summary.target.transport).toBe("sse");
    expect(stepNamed(result.steps, "initialize")).toMatchObject({ outcome: { kind: "ok" }, excerpt: expect.stringContaining("fell back to the legacy HTTP+SSE") });
    expect(stepNamed(result.steps, "tools/list").outcome.kind).toBe("ok");
    expect(stepNamed(result.steps, "tools/call:echo").outcome.kind).toBe("ok");
    expect(stepNamed(result.steps, "tools/call:reject").outcome).toMatchObject({ kind: "rpc-error", code: -32602 });
    expect(stepNamed(result.steps, "check:protocol_version").check?.verdict).toBe("not_applicable");
    expect(fixture.handled).toContain("tools/call:echo");
  });

  it("is used directly when asked for, and Streamable HTTP alone reports the refusal", async () => {
    const direct = await runProbe(probeOptions(fixture.url(), { target: { kind: "http", url: fixture.url(), transport: "sse" }, calls: [call("echo")], checks: "none" }));
    expect(stepNamed(direct.steps, "tools/call:echo").outcome.kind).toBe("ok");
    const modern = await runProbe(probeOptions(fixture.url(), { target: { kind: "http", url: fixture.url(), transport: "streamable-http" }, checks: "none" }));
    expect(stepNamed(modern.steps, "initialize").outcome).toMatchObject({ kind: "http-error", status: 405 });
  });
});
