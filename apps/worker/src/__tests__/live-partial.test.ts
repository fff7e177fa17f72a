// KENSA_TARGETS=live against a vendor we hold no account with: a real OAuth-protected server on loopback,
// the catalogue naming a secret this process does not have. The worker's prober probes it without a
// credential instead of failing as Kensa's misconfiguration, and the grade is partial — not D; with the
// secret set, the same server is probed with the token and graded in full.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { evidenceFromRuns, gradeService, type CatalogueEntry, type ProbeRunRecord } from "@kensa/core";
import { startOAuthFixture, type OAuthFixture } from "@kensa/probe/testing";
import { createServiceProber, liveTargets } from "../runtime/service-prober";
import type { ProbeExecution } from "../runtime/job-context";

const catalogue = await loadCatalogue();

describe("live probes without a credential of ours", () => {
  let server: OAuthFixture;
  let entry: CatalogueEntry;
  let token: string;
  beforeAll(async () => {
    server = await startOAuthFixture({ lifetimeSec: 3600, clientId: "kensa-client", clientSecret: "live-partial-secret" });
    const basic = Buffer.from("kensa-client:live-partial-secret").toString("base64");
    const answer = await fetch(`${server.origin}/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    token = ((await answer.json()) as { access_token: string }).access_token;
    const base = [...catalogue.byId.values()][0]!;
    entry = { ...base, id: "live-partial", endpoint: { ...base.endpoint, url: server.url(), transport: "streamable-http" }, credential: { kind: "bearer", tokenSecret: "LIVE_PARTIAL_TOKEN" }, calls: [] };
  });
  afterAll(() => server?.close());

  const probe = (secrets: Record<string, string>) =>
    createServiceProber({
      entries: async (id) => (id === entry.id ? entry : undefined),
      targets: liveTargets({ get: (name) => secrets[name] }),
      clock: { now: () => Date.now() },
      addressPolicy: { allowPrivate: false, allowHosts: ["127.0.0.1"] },
      limits: { requestTimeoutMs: 5_000, connectTimeoutMs: 5_000, deadlineMs: 30_000 },
    })(entry.id, "direct", { withChecks: true });
  const record = (x: ProbeExecution): ProbeRunRecord => ({
    id: "00000000-0000-4000-8000-00000000000a", idempotencyKey: "live-partial", serviceId: entry.id, trigger: "schedule", path: "direct",
    source: x.source, startedAt: x.startedAt, finishedAt: x.finishedAt, summary: x.summary, steps: x.steps,
  });
  const grade = (x: ProbeExecution) => gradeService(evidenceFromRuns([record(x)], { declared: {}, authMethod: "unknown" }));

  it("without the secret: probed with no credential (the server answers 401), graded partial, not D", async () => {
    const run = await probe({});
    expect(server.authorizations.every((a) => a === undefined || !a.includes(token))).toBe(true);
    expect(run.steps.find((s) => s.name === "initialize")?.outcome).toMatchObject({ kind: "http-error", status: 401 });
    const g = grade(run);
    expect(g).toMatchObject({ coverage: "partial", coverageReasons: ["no_credential"], axes: { reliability: { notTestedReason: "no_credential" } } });
    expect(g.grade).not.toBe("D");
  });

  it("with the secret: probed with the token, graded in full", async () => {
    const run = await probe({ LIVE_PARTIAL_TOKEN: token });
    expect(run.steps.find((s) => s.name === "initialize")?.outcome).toMatchObject({ kind: "ok" });
    expect(grade(run)).toMatchObject({ coverage: "full", coverageReasons: [] });
  });
});
