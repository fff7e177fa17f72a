// server_card_discover: the MCP Server Card at the current draft location (SEP-2127 §Endpoints → .well-known
// URI: `/.well-known/mcp/server-card`, application/json, CORS `Access-Control-Allow-Origin: *`; the earlier
// draft name `/.well-known/mcp/server-card.json` is tried second) must agree with what the server itself says
// in `server/discover` (MCP 2026-07-28, server/discover §DiscoverResult): the same version as serverInfo,
// the same capability families, and — on the remote naming this endpoint — the protocol versions discover
// lists. No card served: not applicable (the SEP is a draft and the card optional). Initialize era: there is
// no server/discover to compare with (the server_card check compares with initialize instead).
import { isObject, type HttpJson } from "../discovery/http-json";
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";
import { eraGate, modernEra } from "./modern-era";
import { attemptOutcome } from "./protected-resource";

export function serverCardDraftUrls(endpoint: URL): string[] {
  return [`${endpoint.origin}/.well-known/mcp/server-card`, `${endpoint.origin}/.well-known/mcp/server-card.json`];
}

export async function serverCardDiscoverCheck(ctx: CheckContext): Promise<CheckOutput> {
  const era = await modernEra(ctx);
  const gate = eraGate(era);
  if (gate || era.era !== "modern" || !ctx.discovery || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("server_card_discover", gate?.verdict ?? "not_applicable", [finding("era", gate?.verdict !== "inconclusive", gate?.message ?? "no HTTP endpoint")], { era: era.era }) };
  }
  const attempts: HttpJson[] = [];
  let card: Record<string, unknown> | undefined;
  let found: HttpJson | undefined;
  for (const url of serverCardDraftUrls(ctx.endpoint)) {
    const answer = await ctx.discovery.get(url);
    attempts.push(answer);
    if (answer.ok && answer.status === 200 && isObject(answer.json)) {
      card = answer.json;
      found = answer;
      break;
    }
  }
  const outcome = attemptOutcome(attempts);
  const tried = attempts.map((a) => `${ctx.redactor.redactUrl(a.url)} → ${a.ok ? a.status : a.failure.kind}`).join("; ");
  if (!card || !found || !found.ok) {
    const failed = attempts.find((a) => !a.ok);
    if (failed && !failed.ok && failed.failure.kind !== "network-error") {
      return { outcome, check: result("server_card_discover", "inconclusive", [finding("reachable", false, `the card could not be fetched: ${failed.failure.kind}`)], { era: "modern", tried }) };
    }
    return { outcome, check: result("server_card_discover", "not_applicable", [finding("present", true, `no server card at the draft locations (${tried})`)], { era: "modern", present: false, tried }) };
  }
  const discover = era.discover;
  const findings = [finding("present", true, `server card read from ${ctx.redactor.redactUrl(found.url)}`)];
  const contentType = found.raw.get("content-type") ?? "";
  findings.push(finding("content-type", /application\/json/i.test(contentType), `served as ${contentType || "no content type"}`, "Serve the server card as Content-Type: application/json (SEP-2127)."));
  const cors = found.raw.get("access-control-allow-origin");
  findings.push(finding("cors", cors === "*", cors ? `Access-Control-Allow-Origin: ${cors}` : "no Access-Control-Allow-Origin", "Send Access-Control-Allow-Origin: * with the server card so browser-based clients can discover it (SEP-2127)."));
  const facts: Record<string, unknown> = { era: "modern", present: true, url: found.url, primaryLocation: found.url === serverCardDraftUrls(ctx.endpoint)[0] };
  if (typeof card.version === "string" && era.serverVersion) {
    facts.versionMatches = card.version === era.serverVersion;
    findings.push(finding("version", facts.versionMatches as boolean, `the card says version ${card.version}, server/discover says ${era.serverVersion}`, "Publish the card with the version server/discover reports in _meta serverInfo."));
  }
  if (isObject(card.capabilities) && isObject(discover.capabilities)) {
    const families = (c: Record<string, unknown>) => Object.keys(c).filter((k) => k !== "experimental").sort();
    const [inCard, inDiscover] = [families(card.capabilities), families(discover.capabilities)];
    facts.capabilitiesMatch = inCard.join() === inDiscover.join();
    findings.push(finding("capabilities", facts.capabilitiesMatch as boolean, `capabilities: card ${inCard.join(", ") || "none"}; server/discover ${inDiscover.join(", ") || "none"}`, "Keep the card's capabilities in step with server/discover."));
  }
  const trim = (s: string) => s.replace(/\/+$/, "");
  const remote = (Array.isArray(card.remotes) ? card.remotes.filter(isObject) : []).find((r) => typeof r.url === "string" && trim(r.url) === trim(ctx.endpoint!.href));
  const cardVersions = remote && Array.isArray(remote.supportedProtocolVersions) ? remote.supportedProtocolVersions.filter((v): v is string => typeof v === "string") : undefined;
  if (cardVersions) {
    const missing = era.supportedVersions.filter((v) => !cardVersions.includes(v));
    facts.protocolVersionsMatch = missing.length === 0;
    findings.push(finding("protocol-versions", missing.length === 0, missing.length === 0 ? "the card's remote lists every version server/discover supports" : `server/discover supports ${missing.join(", ")}, which the card's remote does not list`, "List every protocol version server/discover supports under the remote's supportedProtocolVersions."));
  }
  return { outcome, excerpt: ctx.redactor.excerpt(found.text, ctx.limits.maxExcerptChars, false), check: result("server_card_discover", verdictOf(findings, ["content-type", "version", "capabilities", "protocol-versions"]), findings, facts) };
}
