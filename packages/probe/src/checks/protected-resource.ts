// protected_resource: RFC 9728 metadata (the challenge's URL, then the path-aware well-known form, then
// the root form). Its `resource` must identify this endpoint and `authorization_servers` must name at
// least one issuer. Absent metadata on a server that requires no auth is not applicable.
import type { StepOutcome } from "@kensa/core";
import type { HttpJson } from "../discovery/http-json";
import { resourceMatches } from "../discovery/metadata-identity";
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";

export async function protectedResourceCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (!ctx.discovery || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("protected_resource", "not_applicable", [finding("transport", true, "stdio servers have no HTTP metadata")], {}) };
  }
  const lookup = await ctx.discovery.protectedResource(ctx.challenge.resourceMetadata);
  const outcome = attemptOutcome(lookup.attempts);
  const tried = lookup.attempts.map((a) => `${ctx.redactor.redactUrl(a.url)} → ${a.ok ? a.status : a.failure.kind}`);
  if (!lookup.found) {
    const failed = lookup.attempts.find((a) => !a.ok);
    if (failed && !failed.ok && failed.failure.kind !== "network-error") {
      return { outcome, excerpt: tried.join("\n"), check: result("protected_resource", "inconclusive", [finding("reachable", false, `metadata could not be fetched: ${failed.failure.kind}`)], { tried }) };
    }
    if (ctx.challenge.authRequired !== true) {
      return { outcome, excerpt: tried.join("\n"), check: result("protected_resource", "not_applicable", [finding("present", true, "no protected-resource metadata, and none is needed without auth")], { present: false, tried }) };
    }
    const missing = finding("present", false, "no RFC 9728 protected-resource metadata was found", "Serve RFC 9728 metadata at /.well-known/oauth-protected-resource (path-aware form for a path endpoint).");
    return { outcome, excerpt: tried.join("\n"), check: result("protected_resource", "fail", [missing], { present: false, tried }) };
  }
  const doc = lookup.found.json;
  const resource = typeof doc.resource === "string" ? doc.resource : undefined;
  const servers = Array.isArray(doc.authorization_servers) ? doc.authorization_servers.filter((s): s is string => typeof s === "string" && URL.canParse(s)) : [];
  const matches = resource !== undefined && resourceMatches(resource, ctx.endpoint, lookup.found.url);
  const findings = [
    finding("present", true, `metadata found at ${ctx.redactor.redactUrl(lookup.found.url)}`),
    finding("resource", matches, resource ? `resource is ${resource}` : "the metadata has no resource", `Set "resource" to this endpoint's URL (${ctx.endpoint.href}).`),
    finding("authorization-servers", servers.length > 0, servers.length ? `${servers.length} authorization server(s) named` : "no authorization_servers", 'List the authorization server issuer(s) in "authorization_servers".'),
  ];
  const facts = {
    present: true,
    url: lookup.found.url,
    resource: resource ?? null,
    resourceMatches: matches,
    authorizationServers: servers,
    scopesSupported: Array.isArray(doc.scopes_supported) ? doc.scopes_supported : null,
    bearerMethodsSupported: Array.isArray(doc.bearer_methods_supported) ? doc.bearer_methods_supported : null,
  };
  return { outcome, excerpt: ctx.redactor.excerpt(JSON.stringify(doc), ctx.limits.maxExcerptChars), check: result("protected_resource", verdictOf(findings, ["resource", "authorization-servers"]), findings, facts) };
}

export { resourceMatches };

/** The step's outcome: the last attempt's exchange (a 404 before a 200 is how discovery works). */
export function attemptOutcome(attempts: HttpJson[]): StepOutcome {
  const last = attempts.at(-1);
  if (!last) return { kind: "ok" };
  return last.ok ? { kind: "ok", httpStatus: last.status } : last.failure;
}
