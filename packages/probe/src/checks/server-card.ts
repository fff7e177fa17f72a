// server_card: the MCP Registry server.json the catalogue names (or the SEP-2127 server card beside the
// endpoint) must agree with what the server says: the endpoint among its remotes, the same version, and
// the same tools when it lists them. Nothing named and no card served: not applicable.
import { serverCardUrl } from "../discovery/well-known";
import { isObject } from "../discovery/http-json";
import { finding, result, type CheckContext, type CheckOutput } from "./check-context";
import { attemptOutcome } from "./protected-resource";

export async function serverCardCheck(ctx: CheckContext): Promise<CheckOutput> {
  const named = ctx.registry?.serverJsonUrl;
  if (!ctx.discovery || (!named && !ctx.endpoint)) {
    return { outcome: { kind: "ok" }, check: result("server_card", "not_applicable", [finding("named", true, "no server.json is named for this server")], {}) };
  }
  const url = named ?? serverCardUrl(ctx.endpoint!);
  const answer = await ctx.discovery.get(url);
  const outcome = attemptOutcome([answer]);
  const source = named ? "registry server.json" : "server card";
  if (!answer.ok || answer.status !== 200 || !isObject(answer.json)) {
    if (!named && answer.ok) {
      return { outcome, check: result("server_card", "not_applicable", [finding("present", true, "no server card is served and none is named")], { present: false }) };
    }
    const why = answer.ok ? `HTTP ${answer.status}${isObject(answer.json) ? "" : ", not a JSON object"}` : answer.failure.kind;
    const missing = finding("present", false, `the named ${source} could not be read (${why})`, "Publish the server.json the registry entry points to.");
    return { outcome, check: result("server_card", answer.ok ? "fail" : "inconclusive", [missing], { present: false, url }) };
  }
  const card = answer.json;
  const remotes = Array.isArray(card.remotes) ? card.remotes.filter(isObject) : [];
  const remoteUrls = remotes.map((r) => r.url).filter((u): u is string => typeof u === "string");
  const trim = (s: string) => s.replace(/\/+$/, "");
  const findings = [finding("present", true, `${source} read from ${ctx.redactor.redactUrl(url)}`)];
  const facts: Record<string, unknown> = { present: true, url, name: typeof card.name === "string" ? card.name : null, version: typeof card.version === "string" ? card.version : null };
  if (ctx.endpoint && remoteUrls.length > 0) {
    const listed = remoteUrls.some((u) => trim(u) === trim(ctx.endpoint!.href));
    facts.endpointListed = listed;
    findings.push(finding("remote", listed, listed ? "the endpoint is among its remotes" : `its remotes (${remoteUrls.join(", ")}) do not include ${ctx.endpoint.href}`, "List this endpoint under remotes in server.json."));
  }
  if (typeof card.version === "string" && ctx.session.serverVersion) {
    const same = card.version === ctx.session.serverVersion;
    facts.versionMatches = same;
    findings.push(finding("version", same, `${source} says version ${card.version}, the server says ${ctx.session.serverVersion}`, "Publish server.json with the version the server reports (initialize or server/discover serverInfo)."));
  }
  const cardTools = Array.isArray(card.tools) ? card.tools.map((t) => (isObject(t) ? t.name : t)).filter((n): n is string => typeof n === "string") : undefined;
  if (cardTools && ctx.toolNames) {
    const missing = cardTools.filter((n) => !ctx.toolNames!.includes(n));
    const extra = ctx.toolNames.filter((n) => !cardTools.includes(n));
    facts.toolsMatch = missing.length === 0 && extra.length === 0;
    findings.push(finding("tools", facts.toolsMatch as boolean, facts.toolsMatch ? "the card lists the same tools" : `tools differ (card only: ${missing.join(", ") || "none"}; server only: ${extra.join(", ") || "none"})`, "Keep the card's tool list in step with tools/list."));
  }
  const verdict = findings.every((f) => f.ok) ? "pass" : "fail";
  return { outcome, excerpt: ctx.redactor.excerpt(answer.text, ctx.limits.maxExcerptChars, false), check: result("server_card", verdict, findings, facts) };
}
