// cache_hints (MCP 2026-07-28, server/utilities/caching §Cacheable Results, §Cache Scope Field; SEP-2549):
// servers MUST put `ttlMs` (an integer >= 0) and `cacheScope` ("public" | "private") on complete results of
// server/discover and the list operations. For an intermediary this is shared-cache safety: without
// cacheScope a gateway cannot tell whether one caller's tools/list may be served to another.
import { isObject } from "../discovery/http-json";
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";
import { eraGate, modernEra, modernToolsList } from "./modern-era";

export async function cacheHintsCheck(ctx: CheckContext): Promise<CheckOutput> {
  const era = await modernEra(ctx);
  const gate = eraGate(era);
  if (gate || era.era !== "modern") {
    return { outcome: { kind: "ok" }, check: result("cache_hints", gate?.verdict ?? "inconclusive", [finding("era", gate?.verdict === "not_applicable", gate?.message ?? "era unknown")], { era: era.era }) };
  }
  const listed = await modernToolsList(ctx, era.version);
  if (!listed.ok) return { outcome: listed.failure, check: result("cache_hints", "inconclusive", [finding("reachable", false, `tools/list failed: ${listed.failure.kind}`)], { era: "modern" }) };
  const tools = listed.message?.result;
  if (!tools || (isObject(tools) && tools.resultType === "input_required")) {
    return { outcome: { kind: "ok", httpStatus: listed.status }, excerpt: listed.excerpt, check: result("cache_hints", "inconclusive", [finding("answered", false, `tools/list gave no complete result (${listed.status})`)], { era: "modern", status: listed.status }) };
  }
  const results = { "server/discover": era.discover, "tools/list": tools };
  const ttl = Object.entries(results).map(([method, r]) => ({ method, value: r.ttlMs }));
  const scope = Object.entries(results).map(([method, r]) => ({ method, value: r.cacheScope }));
  const ttlOk = ttl.every((t) => typeof t.value === "number" && Number.isInteger(t.value) && t.value >= 0);
  const scopeOk = scope.every((s) => s.value === "public" || s.value === "private");
  const show = (list: { method: string; value: unknown }[]) => list.map((x) => `${x.method}: ${x.value === undefined ? "absent" : JSON.stringify(x.value)}`).join(", ");
  const findings = [
    finding("ttl", ttlOk, `ttlMs — ${show(ttl)}`, "Put ttlMs (an integer number of milliseconds, 0 or more) on server/discover and every list result (MCP 2026-07-28 caching)."),
    finding("cache-scope", scopeOk, `cacheScope — ${show(scope)}`, 'Put cacheScope on every cacheable result: "public" when the list is the same for every caller, "private" when it depends on the token, so shared gateways cache safely.'),
  ];
  const facts = {
    era: "modern",
    toolsListTtlMs: typeof tools.ttlMs === "number" ? tools.ttlMs : null,
    toolsListCacheScope: typeof tools.cacheScope === "string" ? tools.cacheScope : null,
    discoverTtlMs: typeof era.discover.ttlMs === "number" ? era.discover.ttlMs : null,
    discoverCacheScope: typeof era.discover.cacheScope === "string" ? era.discover.cacheScope : null,
    ttlPresent: ttlOk,
    cacheScopePresent: scopeOk,
  };
  return { outcome: { kind: "ok", httpStatus: listed.status }, check: result("cache_hints", verdictOf(findings, ["ttl", "cache-scope"]), findings, facts) };
}
