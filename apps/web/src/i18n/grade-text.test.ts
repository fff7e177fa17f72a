import { describe, expect, it } from "vitest";
import { capIds, checkFindingIds, evidenceFromAggregates, gradeService, itemIds, ReadinessCheck } from "@kensa/core";
import { capReason, causeText, checkFindingFix, checkFindingName, checkName, fixText, itemName } from "./grade-text";
import { capReasonsJa, checkFindingsJa, itemTextsJa } from "./grade-texts-ja";
import { en } from "./messages-en";
import { ja } from "./messages-ja";

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("grade explanations in Japanese", () => {
  it("every scored item, cap and readiness finding has Japanese text", () => {
    for (const id of itemIds) {
      expect(itemTextsJa[id].name, id).toMatch(japanese);
      expect(itemTextsJa[id].fix, id).toMatch(japanese);
    }
    for (const id of checkFindingIds) expect(checkFindingsJa[id].name.length, id).toBeGreaterThan(0);
    for (const check of ReadinessCheck.options) expect(checkName("ja", check), check).toMatch(japanese);
    const values = { successes: 12, needed: 30, percent: 71.5, limit: 75, expired: 4, writeTools: 3 };
    for (const id of capIds) expect(capReasonsJa[id](values), id).toMatch(japanese);
  });

  it("says a cap's numbers in Japanese, and falls back to the stored English when a snapshot has no numbers", () => {
    const cap = { id: "floor.under_30_successes", reason: "Only 12 successful calls in the window: fewer than 30 never earn above A.", values: { successes: 12, needed: 30 } };
    expect(capReason("ja", cap)).toEqual({ lang: "ja", text: expect.stringContaining("12 回") });
    expect(capReason("ja", cap).text).toContain("30 回未満");
    expect(capReason("ja", { ...cap, values: {} })).toEqual({ lang: "en", text: cap.reason });
    expect(capReason("en", cap)).toEqual({ lang: "en", text: cap.reason });
    expect(capReason("ja", { ...cap, id: "cap.from_the_future" })).toEqual({ lang: "en", text: cap.reason });
  });

  it("translates fixes and item names by id; an unknown id keeps its stored English", () => {
    expect(fixText("ja", { id: "auth.pkce_s256", title: "Advertise PKCE" })).toEqual({ lang: "ja", text: itemTextsJa["auth.pkce_s256"].fix });
    expect(fixText("en", { id: "auth.pkce_s256", title: "Advertise PKCE" })).toEqual({ lang: "en", text: "Advertise PKCE" });
    expect(fixText("ja", { id: "auth.unknown", title: "Do a thing" })).toEqual({ lang: "en", text: "Do a thing" });
    expect(itemName("ja", "auth.sso")).toMatch(/SSO/);
    expect(itemName("en", "auth.sso")).toBeNull();
  });

  it("gives a readiness finding's fix only where the probe gave one, per check where the id is shared", () => {
    expect(checkFindingFix("ja", "protected_resource", { id: "present", fix: "Serve RFC 9728 metadata" })?.text).toContain("oauth-protected-resource");
    expect(checkFindingFix("ja", "server_card", { id: "present", fix: "Publish the server.json" })?.text).toContain("server.json");
    expect(checkFindingFix("ja", "protected_resource", { id: "present" })).toBeNull();
    expect(checkFindingFix("en", "invalid_token", { id: "status-401", fix: "Reject with 401" })).toEqual({ lang: "en", text: "Reject with 401" });
    expect(checkFindingFix("ja", "invalid_token", { id: "status-401", fix: "Reject with 401" })?.text).toContain("ベアラートークン");
    expect(checkFindingName("ja", "pkce-s256")).toBe("PKCE S256");
    expect(checkFindingName("en", "pkce-s256")).toBeNull();
  });

  it("tells what moved a grade in the reader's language, the English matching the API's sentences", () => {
    const cap = { id: "cap.tokens_expire_mid_run" as const, kind: "cap" as const, reason: "Tokens expired mid-operation 4 times in the window (auth_expired).", maxGrade: "AA" as const, limit: 89.9, liftedBy: [], values: { expired: 4 } };
    expect(causeText("en", en, { kind: "cap_added", cap }).text).toBe(`cap added: ${cap.reason}`);
    expect(causeText("ja", ja, { kind: "cap_added", cap }).text).toBe("上限の追加: 集計期間内に処理の途中でトークンが 4 回期限切れになりました（auth_expired）。");
    expect(causeText("ja", ja, { kind: "axis", axis: "auth", delta: -2.5 }).text).toBe("認証・SSO 対応 -2.5");
    expect(causeText("en", en, { kind: "methodology", from: "1.0.0", to: "1.1.0" }).text).toBe("methodology 1.0.0 → 1.1.0");
  });

  it("every cap of a real grade reads in Japanese", () => {
    const report = gradeService(evidenceFromAggregates({
      window: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" }, aggregates: {}, declared: {}, authMethod: "oauth2",
    }));
    expect(report.caps.length).toBeGreaterThan(0);
    for (const cap of report.caps) expect(capReason("ja", cap), cap.id).toMatchObject({ lang: "ja" });
  });
});
