import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEverythingBin, startMcpFixture, startOAuthFixture, startServerEverythingHttp, type McpFixture, type OAuthFixture, type RunningServer } from "@kensa/probe/testing";

// @ts-expect-error — plain ESM next to the bin, no types
import { prebuiltBundle } from "../../bin/prebuilt.mjs";

const bin = fileURLToPath(new URL("../../bin/kensa.mjs", import.meta.url));

function kensa(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npx kensa scan against @modelcontextprotocol/server-everything", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServerEverythingHttp();
  }, 30_000);
  afterAll(() => server?.stop());

  it("prints a full report and exits 0", async () => {
    const { code, stdout } = await kensa(["scan", server.url, "--call", 'echo={"message":"hello"}', "--call", 'get-sum={"a":1}']);
    expect(code).toBe(0);
    for (const heading of ["kensa scan", "Grade", "Axes", "Readiness checks", "Steps", "Error classes"]) expect(stdout).toContain(heading);
    expect(stdout).toMatch(/Grade\s+(AAA|AA|A|BBB|BB|B|C|D)\s+score [\d.]+/);
    expect(stdout).toContain("mcp-servers/everything");
    expect(stdout).toContain("protocol 2025-11-25 (initialize era)");
    expect(stdout).toMatch(/^eras +initialize \(2025-11-25\)/m);
    expect(stdout).toMatch(/tools\/call:get-sum\s+✗.*invalid_input/);
  });

  it("prints one valid kensa.scan/v1 document with --json", async () => {
    const { code, stdout } = await kensa(["scan", server.url, "--json", "--call", 'echo={"message":"hello"}', "--rounds", "2"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ schema: "kensa.scan/v1", target: server.url, transport: "streamable-http", server: { name: "mcp-servers/everything" } });
    for (const key of ["grade", "score", "scoreBeforeCaps", "caps", "axes", "steps", "errorClasses", "methodologyVersion", "future"]) expect(doc).toHaveProperty(key);
    expect(doc.grade).toMatch(/^(AAA|AA|A|BBB|BB|B|C|D)$/);
    expect(doc.methodologyVersion).toEqual(expect.any(String));
    expect(doc.scoreBeforeCaps).toBeGreaterThanOrEqual(doc.score);
    expect(doc.axes.reliability).toMatchObject({ score: expect.any(Number), evidence: "observed" });
    for (const cap of doc.caps) expect(cap).toMatchObject({ reason: expect.any(String), maxGrade: expect.any(String) });
    expect(doc.steps.filter((s: { name: string }) => s.name === "tools/call:echo")).toHaveLength(2);
    for (const step of doc.steps) {
      expect(Object.keys(step)).toEqual(expect.arrayContaining(["name", "ok", "latencyMs", "errorClass", "httpStatus", "rpcCode"]));
    }
    expect(doc.steps.find((s: { name: string }) => s.name === "initialize")).toMatchObject({ ok: true, httpStatus: 200, errorClass: null, rpcCode: null });
    // server-everything is built on the v1 SDK: no modern answer to server/discover, so the initialize era only.
    expect(doc.server).toMatchObject({ protocolEra: "initialize", protocolVersion: "2025-11-25", eras: [{ era: "initialize", versions: ["2025-11-25"] }] });
  });
});

describe("kensa scan from its prebuilt bundle", () => {
  it("is what npm install left (in CI), and gives the same result as the compiled sources", async () => {
    const dist = new URL("../../dist/", import.meta.url);
    if (process.env.CI === "true") expect(prebuiltBundle(["scan"], process.env, dist), "npm install should have prebuilt kensa scan").toBeDefined();
    const fixture = await startMcpFixture();
    try {
      const args = ["scan", fixture.url(), "--json", "--call", "echo={}", "--checks", "none"];
      const [bundled, compiled] = await Promise.all([kensa(args), kensa(args, { KENSA_PREBUILT: "0" })]);
      expect([bundled.code, compiled.code]).toEqual([compiled.code, bundled.code]);
      const shape = (out: string) => {
        const doc = JSON.parse(out) as { grade: string; score: number; steps: { name: string; ok: boolean; errorClass: string | null }[]; caps: { id: string }[] };
        return { grade: doc.grade, score: doc.score, steps: doc.steps.map((x) => [x.name, x.ok, x.errorClass]), caps: doc.caps.map((c) => c.id) };
      };
      expect(shape(bundled.stdout)).toEqual(shape(compiled.stdout));
    } finally {
      await fixture.close();
    }
  });
});

describe("kensa scan usage and targets", () => {
  it("exits 2 with a message for bad usage", async () => {
    const missing = await kensa(["scan"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/which server\?/);
    const unknown = await kensa(["scan", "http://127.0.0.1:1/mcp", "--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/frobnicate/);
  });

  it("exits 2 for a header value HTTP cannot carry or an unbounded timeout, before anything is sent", async () => {
    const fixture = await startMcpFixture();
    try {
      const header = await kensa(["scan", fixture.url(), "--header", "X-A: 日本"]);
      expect(header.code).toBe(2);
      expect(header.stderr).toMatch(/--header X-A: the value must be visible ASCII or Latin-1/);
      const timeout = await kensa(["scan", fixture.url(), "--timeout-ms", "600000000"]);
      expect(timeout.code).toBe(2);
      expect(timeout.stderr).toMatch(/--timeout-ms expects at most 600000/);
      expect(header.stdout + timeout.stdout).toBe("");
      expect(fixture.authorizations).toHaveLength(0);
    } finally {
      await fixture.close();
    }
  });

  it("scans a stdio server given after --", async () => {
    const { code, stdout } = await kensa(["scan", "--json", "--checks", "none", "--stdio", "--", process.execPath, serverEverythingBin, "stdio"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ transport: "stdio", target: expect.stringMatching(/^stdio: /), server: { name: "mcp-servers/everything" } });
  });

  it("gives a stdio server only what --env names: unconfigured it is config_missing (client), configured it answers", async () => {
    const fixture = fileURLToPath(new URL("../../../../packages/probe/src/__tests__/fixtures/isolation-stdio-server.mjs", import.meta.url));
    // Set in kensa's own environment: it must not reach the server.
    const bare = await kensa(["scan", "--json", "--checks", "none", "--stdio", "--", process.execPath, fixture, "config"], { EXAMPLE_API_KEY: "from-the-callers-env" });
    const unconfigured = JSON.parse(bare.stdout);
    expect(unconfigured.steps.find((s: { name: string }) => s.name === "initialize")).toMatchObject({ ok: false, errorClass: "config_missing", fault: "client", excerpt: expect.stringContaining("Please set EXAMPLE_API_KEY") });
    expect(unconfigured.isolation).toMatchObject({ env: [], ended: "itself", network: expect.stringMatching(/^(cut|not cut: .+)$/) });
    expect(unconfigured.caps.map((c: { id: string }) => c.id)).not.toContain("cap.no_auth_metadata");
    const given = await kensa(["scan", "--json", "--checks", "none", "--stdio", "--env", "EXAMPLE_API_KEY=dummy-key", "--", process.execPath, fixture, "config"]);
    const configured = JSON.parse(given.stdout);
    expect(configured.server).toMatchObject({ name: "isolation-fixture", tools: { count: 1 } });
    expect(configured.isolation).toMatchObject({ env: ["EXAMPLE_API_KEY"], ended: "stdin-close" });
    expect(given.stdout).not.toContain("dummy-key");
  });

  it("exits 0 for a server that cannot be reached: the scan completed, the result is bad", async () => {
    const fixture = await startMcpFixture();
    await fixture.close();
    const { code, stdout } = await kensa(["scan", fixture.url(), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).steps[0]).toMatchObject({ name: "connect", ok: false, errorClass: "network_error" });
  });

  it("exits 1 when --fail-under is not met and 0 when it is", async () => {
    const fixture = await startMcpFixture();
    const json = await kensa(["scan", fixture.url(), "--json", "--checks", "none"]);
    const grade = JSON.parse(json.stdout).grade as string;
    const { code: tooHigh } = await kensa(["scan", fixture.url(), "--fail-under", "AAA", "--checks", "none"]);
    const { code: met } = await kensa(["scan", fixture.url(), "--fail-under", grade, "--checks", "none"]);
    await fixture.close();
    expect(grade).not.toBe("AAA"); // three calls and no auth never earn AAA
    expect(tooHigh).toBe(1);
    expect(met).toBe(0);
  });
});

describe("kensa scan never prints a secret", () => {
  let fixture: McpFixture;
  const token = "planted-bearer-7f3a9c1e5b2d";
  beforeAll(async () => {
    // The server accepts the token and reflects it back in every error it can.
    fixture = await startMcpFixture({
      auth: (t) => (t === token ? "ok" : t ? "invalid" : "missing"),
      intercept: (req, res, rpc) => {
        if (rpc.method !== "tools/call") return false;
        res.writeHead(500, { "x-request-id": token, "content-type": "text/plain" }).end(`failed for ${req.headers.authorization} (${token})`);
        return true;
      },
    });
  });
  afterAll(() => fixture.close());

  it("in the report or the JSON document, with the token reflected by the server", async () => {
    for (const format of [[], ["--json"]]) {
      const { code, stdout, stderr } = await kensa(["scan", fixture.url(), "--bearer-env", "KENSA_TEST_TOKEN", "--call", "echo", "--header", "X-Api-Key: header-secret-9d8c7b", ...format], { KENSA_TEST_TOKEN: token });
      expect(code).toBe(0);
      expect(fixture.authorizations).toContain(`Bearer ${token}`);
      expect(stdout).toContain("tools/call:echo");
      for (const secret of [token, "header-secret-9d8c7b"]) expect(stdout + stderr).not.toContain(secret);
    }
  });
});

describe("kensa scan without a working credential of ours (partial grades)", () => {
  // A real protected server on loopback: 401 with a Bearer challenge naming its RFC 9728 metadata, RFC 9728 and
  // RFC 8414 documents, and a token endpoint that issues the token the second scan holds.
  let server: OAuthFixture;
  let token: string;
  beforeAll(async () => {
    server = await startOAuthFixture({ lifetimeSec: 3600, clientId: "kensa-client", clientSecret: "partial-test-secret" });
    const basic = Buffer.from("kensa-client:partial-test-secret").toString("base64");
    const answer = await fetch(`${server.origin}/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    token = ((await answer.json()) as { access_token: string }).access_token;
  });
  afterAll(() => server?.close());

  it("grades a server that rightly answers 401 on what could be observed: partial, reliability not tested, not D", async () => {
    const { code, stdout } = await kensa(["scan", server.url(), "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.steps.find((s: { name: string }) => s.name === "initialize")).toMatchObject({ ok: false, httpStatus: 401 });
    expect(doc).toMatchObject({ coverage: "partial", coverageReasons: ["no_credential"], provisional: true });
    expect(doc.grade).not.toBe("D");
    expect(doc.caps.map((c: { id: string }) => c.id)).toEqual(["floor.partial_coverage"]);
    expect(doc.axes.reliability).toMatchObject({ score: null, evidence: "not_tested", notTestedReason: "no_credential" });
    expect(doc.axes.auth.findings.find((f: { id: string }) => f.id === "auth.challenge")).toMatchObject({ ok: true, scored: true });
    const report = await kensa(["scan", server.url()]);
    expect(report.stdout).toMatch(new RegExp(`Grade\\s+${doc.grade} \\(partial\\)\\s+score ${doc.score}`));
    expect(report.stdout).toMatch(/partial: probed without a working credential of ours/);
    expect(report.stdout).toMatch(/Reliability\s+—\s+not tested \(no credential\)/);
  });

  it("with a token that works, the same server is graded in full", async () => {
    const { code, stdout } = await kensa(["scan", server.url(), "--json", "--bearer-env", "KENSA_TEST_TOKEN"], { KENSA_TEST_TOKEN: token });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.steps.find((s: { name: string }) => s.name === "initialize")).toMatchObject({ ok: true });
    expect(doc).toMatchObject({ coverage: "full", coverageReasons: [] });
    expect(doc.axes.reliability).toMatchObject({ evidence: "observed", notTestedReason: null, score: expect.any(Number) });
    expect(doc.caps.map((c: { id: string }) => c.id)).not.toContain("floor.partial_coverage");
    expect(stdout).not.toContain(token);
  });

  it("grades a stdio server run on placeholder configuration (--dummy-config) partial, and the same run without the flag full", async () => {
    const fixture = fileURLToPath(new URL("../../../../packages/probe/src/__tests__/fixtures/isolation-stdio-server.mjs", import.meta.url));
    const args = (...extra: string[]) => ["scan", "--json", "--checks", "none", "--stdio", "--env", "EXAMPLE_API_KEY=placeholder", ...extra, "--", process.execPath, fixture, "config"];
    const dummy = JSON.parse((await kensa(args("--dummy-config"))).stdout);
    expect(dummy.server).toMatchObject({ name: "isolation-fixture" });
    expect(dummy).toMatchObject({ coverage: "partial", coverageReasons: ["no_credential"], axes: { reliability: { score: null, notTestedReason: "no_credential" } } });
    const plain = JSON.parse((await kensa(args())).stdout);
    expect(plain).toMatchObject({ coverage: "full", coverageReasons: [], axes: { reliability: { evidence: "observed", notTestedReason: null } } });
  });

  it("says in the report of a stdio server that HTTP authorization does not apply to it", async () => {
    const { code, stdout } = await kensa(["scan", "--checks", "none", "--stdio", "--", process.execPath, serverEverythingBin, "stdio"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/HTTP authorization: not applicable over stdio \(the server takes its credentials from its environment; neither credited nor capped\)/);
    expect(stdout).not.toMatch(/capped at AA: No auth metadata/);
    const json = JSON.parse((await kensa(["scan", "--json", "--checks", "none", "--stdio", "--", process.execPath, serverEverythingBin, "stdio"])).stdout);
    expect(json.coverage).toBe("full");
    expect(json.axes.auth.findings.find((f: { id: string }) => f.id === "auth.challenge")).toMatchObject({ scored: false, message: expect.stringMatching(/^Not applicable over stdio/) });
  });
});
