// Grade snapshots for seeded services, in the stored GradeReport shape (axes with weight, evidence status,
// facts and findings; caps with reasons; fixes with points). Test data only: the real scorer is @kensa/core's.
import { createHash } from "node:crypto";
import type { GradeSnapshotInput } from "@kensa/db";
import type { SeedService } from "./seed-population";
import { seededRandom } from "./run-factory";

export const seedMethodologyVersion = "1.0.0";

const bands: [string, number][] = [["AAA", 90], ["AA", 80], ["A", 70], ["BBB", 60], ["BB", 50], ["B", 40], ["C", 30], ["D", 0]];

export function bandOf(score: number): string {
  return bands.find(([, min]) => score >= min)![0];
}

const axisWeights = { reliability: 0.35, auth_sso: 0.25, audit_log: 0.15, config_portability: 0.1, gateway: 0.15 } as const;

export interface SeedGradeInput {
  service: SeedService;
  computedAt: Date;
  windowDays: number;
  calls: number;
  vendorFailures: number;
  /** Index of this snapshot in the service's history: scores drift a little from one to the next. */
  step: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number) => Math.min(100, Math.max(0, n));

export function seedGrade(input: SeedGradeInput): GradeSnapshotInput {
  const { service, computedAt, step } = input;
  const random = seededRandom(hashSeed(`${service.id}:${step}`));
  const q = service.quality;
  const drift = (random() - 0.5) * 6;
  const facts = service.catalogue as { declared: Record<string, { value: boolean | "unknown" }> };
  const declaredTrue = (name: string) => facts.declared[name]?.value === true;
  const axes = {
    reliability: axis("reliability", clamp(40 + q * 58 + drift), "observed", { calls: input.calls, vendorFailures: input.vendorFailures },
      [{ id: "vendor_success", ok: q > 0.5, message: `${input.calls - input.vendorFailures} of ${input.calls} calls succeeded (vendor-attributable failures only)` }]),
    auth_sso: axis("auth_sso", clamp(service.authMethod === "none" ? 10 : 30 + q * 55 + (declaredTrue("saml") ? 10 : 0)), declaredTrue("saml") ? "declared" : "observed",
      { authMethod: service.authMethod }, [{ id: "pkce_s256", ok: service.authMethod === "oauth2_1_pkce", message: "Authorization server advertises PKCE S256" }]),
    audit_log: axis("audit_log", clamp(35 + q * 50 + drift), "observed", {}, [{ id: "trace_context", ok: q > 0.6, message: "traceparent sent in _meta comes back" }]),
    config_portability: axis("config_portability", declaredTrue("terraformProvider") ? 80 : 20, declaredTrue("terraformProvider") ? "declared" : "not_tested", {}, []),
    gateway: axis("gateway", clamp(45 + q * 50 - drift), q > 0.3 ? "observed" : "not_tested", {}, []),
  };
  const scoreBeforeCaps = round1(Object.values(axes).reduce((sum, a) => sum + (a.score ?? 0) * a.weight, 0));
  const caps: { id: string; reason: string; maxGrade: string; maxScore: number }[] = [];
  if (service.authMethod === "none") caps.push({ id: "no_auth_write_tools", reason: "No authentication on a server that exposes write tools", maxGrade: "BBB", maxScore: 69.9 });
  if (q < 0.3) caps.push({ id: "weak_vendor_reliability", reason: "Vendor-attributable success rate's lower bound is below 90%", maxGrade: "BB", maxScore: 59.9 });
  const score = round1(Math.min(scoreBeforeCaps, ...caps.map((c) => c.maxScore)));
  const fixes = [
    { id: "publish_prm", axis: "auth_sso", title: "Publish RFC 9728 protected-resource metadata and a resource_metadata challenge", points: round1(3 + random() * 5) },
    { id: "trace_context", axis: "audit_log", title: "Return the W3C traceparent sent in _meta", points: round1(2 + random() * 3) },
    { id: "terraform_provider", axis: "config_portability", title: "Publish a Terraform provider for tenant configuration", points: round1(4 + random() * 4) },
  ].filter((f) => f.axis !== "config_portability" || !declaredTrue("terraformProvider"));
  const inputs = { serviceId: service.id, computedAt: computedAt.toISOString(), calls: input.calls, vendorFailures: input.vendorFailures, step };
  const inputsHash = createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
  return {
    id: uuidFromHash(inputsHash),
    serviceId: service.id,
    methodologyVersion: seedMethodologyVersion,
    computedAt,
    windowFrom: new Date(computedAt.getTime() - input.windowDays * 86_400_000),
    windowTo: computedAt,
    grade: bandOf(score),
    score,
    scoreBeforeCaps,
    provisional: input.calls < 30,
    source: service.source,
    axes,
    caps,
    fixes,
    inputs,
    inputsHash,
  };
}

function axis(name: keyof typeof axisWeights, score: number, evidence: "observed" | "declared" | "not_tested", facts: Record<string, unknown>, findings: { id: string; ok: boolean; message: string }[]) {
  return { score: evidence === "not_tested" ? null : round1(score), weight: axisWeights[name], evidence, facts, findings };
}

function hashSeed(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}

function uuidFromHash(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
