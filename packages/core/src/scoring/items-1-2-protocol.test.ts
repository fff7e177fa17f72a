// Methodology 1.2 protocol items and cap, row by row: each check verdict and fact combination → the item's
// points (or its absence) and the cap.
import { describe, expect, it } from "vitest";
import { protocolCaps12 } from "./caps-1-2-protocol";
import { declaredFactNames, GradeEvidence, type CheckEvidence } from "./evidence";
import { cacheHintShares, headerMismatchWithoutCodeShare, protocolItemIds12, protocolItems12, protocolPoints12, type ProtocolItemId12 } from "./items-1-2-protocol";

function evidence(checks: GradeEvidence["checks"]): GradeEvidence {
  return GradeEvidence.parse({
    format: "kensa.evidence/v1",
    window: { from: "2026-12-01T00:00:00.000Z", to: "2026-12-02T00:00:00.000Z" },
    traffic: {},
    checks,
    credential: { refreshes: 0, expiredDuringRun: 0 },
    authMethod: "oauth2",
    declared: Object.fromEntries(declaredFactNames.map((n) => [n, { value: "unknown" }])),
  });
}
const c = (verdict: CheckEvidence["verdict"], facts: CheckEvidence["facts"] = {}): CheckEvidence => ({ verdict, facts });
const itemOf = (e: GradeEvidence, id: ProtocolItemId12) => protocolItems12(e).find((i) => i.id === id)!;
const share = (e: GradeEvidence, id: ProtocolItemId12) => {
  const i = itemOf(e, id);
  return i.scored ? i.points / i.maxPoints : "unscored";
};
const as = (facts: CheckEvidence["facts"]) => c("pass", { pkceS256: true, implicitGrant: false, ...facts });

describe("methodology 1.2 protocol items", () => {
  it("emits every item it names, once, on the axis its id says, with a fix", () => {
    const items = protocolItems12(evidence({}));
    expect(items.map((i) => i.id)).toEqual([...protocolItemIds12]);
    for (const i of items) {
      expect(i.axis).toBe(i.id.split(".")[0]);
      expect(i.maxPoints).toBe(protocolPoints12[i.id as ProtocolItemId12]);
      expect(i.fix.length).toBeGreaterThan(20);
      expect(i.scored).toBe(false); // nothing run: nothing judged
    }
  });

  it.each([
    ["pass", c("pass", { era: "modern", agreeingStatus: 200, mismatchAccepted: false, rejectedWithout32020: false }), 1],
    ["mismatch served", c("fail", { era: "modern", agreeingStatus: 200, mismatchAccepted: true, rejectedWithout32020: false }), 0],
    ["400 without -32020", c("fail", { era: "modern", agreeingStatus: 200, mismatchAccepted: false, rejectedWithout32020: true }), headerMismatchWithoutCodeShare],
    ["agreeing headers refused", c("fail", { era: "modern", agreeingStatus: 400, mismatchAccepted: false, rejectedWithout32020: true }), 0],
    ["initialize era", c("not_applicable", { era: "initialize" }), "unscored"],
    ["refused before asking", c("inconclusive", { era: "unknown" }), "unscored"],
  ] as const)("header mirroring: %s", (_, check, expected) => {
    expect(share(evidence({ header_mirroring: check }), "gateway.header_mirroring")).toBe(expected);
  });

  it("says why an initialize-era server is left out", () => {
    expect(itemOf(evidence({ header_mirroring: c("not_applicable", { era: "initialize" }) }), "gateway.header_mirroring").message).toMatch(/initialize era only/);
  });

  it.each([
    [true, true, 1],
    [true, false, cacheHintShares.ttl],
    [false, true, cacheHintShares.scope],
    [false, false, 0],
  ] as const)("cache hints: ttlMs %s, cacheScope %s", (ttl, scope, expected) => {
    const verdict = ttl && scope ? "pass" : "fail";
    expect(share(evidence({ cache_hints: c(verdict, { era: "modern", ttlPresent: ttl, cacheScopePresent: scope }) }), "gateway.cache_hints")).toBeCloseTo(expected, 5);
  });

  it.each([
    ["tools_order", "gateway.tools_order"],
    ["streamable_http", "gateway.streamable_http"],
    ["server_card_discover", "portability.server_card_discover"],
  ] as const)("%s: pass earns all, fail none, not applicable is left out", (check, id) => {
    expect(share(evidence({ [check]: c("pass") }), id)).toBe(1);
    expect(share(evidence({ [check]: c("fail") }), id)).toBe(0);
    expect(share(evidence({ [check]: c("not_applicable") }), id)).toBe("unscored");
    expect(share(evidence({ [check]: c("inconclusive") }), id)).toBe("unscored");
  });

  it.each([
    ["advertised", as({ issParameterSupported: true }), undefined, 1],
    ["not advertised", as({ issParameterSupported: false }), undefined, 0],
    ["not advertised, modern server", as({ issParameterSupported: false }), c("pass", { era: "modern" }), 0],
    ["not advertised, initialize-era server", as({ issParameterSupported: false }), c("not_applicable", { era: "initialize" }), "unscored"],
    ["no metadata judged", c("not_applicable"), undefined, "unscored"],
  ] as const)("RFC 9207 iss: %s", (_, asCheck, mirroring, expected) => {
    expect(share(evidence({ authorization_server: asCheck, ...(mirroring ? { header_mirroring: mirroring } : {}) }), "auth.iss_parameter")).toBe(expected);
  });

  it.each([
    ["CIMD", as({ clientIdMetadataDocuments: true, dynamicClientRegistration: false }), 1, /offered/],
    ["CIMD and DCR", as({ clientIdMetadataDocuments: true, dynamicClientRegistration: true }), 1, /offered/],
    ["DCR alone", as({ clientIdMetadataDocuments: false, dynamicClientRegistration: true }), 0, /deprecates/],
    ["neither", as({ clientIdMetadataDocuments: false, dynamicClientRegistration: false }), 0, /No Client ID/],
  ] as const)("Client ID Metadata Documents: %s", (_, asCheck, expected, message) => {
    const e = evidence({ authorization_server: asCheck });
    expect(share(e, "auth.client_id_metadata")).toBe(expected);
    expect(itemOf(e, "auth.client_id_metadata").message).toMatch(message);
  });

  it("leaves the authorization-server items out over stdio", () => {
    const e = evidence({ auth_challenge: c("not_applicable", { transport: "stdio" }), authorization_server: c("not_applicable", { transport: "stdio" }) });
    expect(itemOf(e, "auth.iss_parameter").message).toMatch(/stdio/);
    expect(share(e, "auth.client_id_metadata")).toBe("unscored");
  });

  it.each([
    ["insufficient_scope with scope and resource_metadata", c("pass", { token: true, error: "insufficient_scope" }), 1],
    ["a bare 403", c("fail", { token: true, error: null }), 0],
    ["no 403 seen", c("not_applicable", { token: true }), "unscored"],
  ] as const)("step-up: %s", (_, check, expected) => {
    expect(share(evidence({ step_up: check }), "auth.step_up")).toBe(expected);
  });

  it("says so when step-up could not be tested for want of a token", () => {
    const i = itemOf(evidence({ step_up: c("not_applicable", { token: false }) }), "auth.step_up");
    expect(i.scored).toBe(false);
    expect(i.message).toMatch(/no token/);
  });
});

describe("methodology 1.2 header-mismatch cap", () => {
  it.each([
    ["a served mismatch", c("fail", { mismatchAccepted: true }), ["cap.accepts_header_mismatch"]],
    ["a 400 without -32020", c("fail", { mismatchAccepted: false, rejectedWithout32020: true }), []],
    ["a pass", c("pass", { mismatchAccepted: false }), []],
    ["an initialize-era server", c("not_applicable", { era: "initialize" }), []],
  ] as const)("%s → %j", (_, check, caps) => {
    const e = evidence({ header_mirroring: check });
    const applied = protocolCaps12(e, protocolItems12(e));
    expect(applied.map((a) => a.id)).toEqual(caps);
    if (applied[0]) expect(applied[0]).toMatchObject({ maxGrade: "A", liftedBy: ["gateway.header_mirroring"] });
  });
});
