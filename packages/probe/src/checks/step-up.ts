// step_up (MCP 2026-07-28, basic/authorization §Scope Challenge Handling → Runtime Insufficient Scope Errors;
// RFC 6750 §3.1): a token that lacks a scope an operation needs gets 403 Forbidden with
// `WWW-Authenticate: Bearer error="insufficient_scope", scope="…", resource_metadata="…"`, so the client can
// run the step-up flow instead of failing. We judge the 403s the probe's own calls got with its credential.
// Without a credential there is no token to be under-scoped: not applicable. With one that was never refused
// with 403, step-up was not exercised: not applicable too (we never mint a narrower token ourselves). Only
// MCP requests count (protocol and call steps), not the token endpoint's answers.
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";
import { parseBearerChallenge } from "./www-authenticate";

export async function stepUpCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport === "stdio" || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("step_up", "not_applicable", [finding("transport", true, "stdio servers take their credentials from their environment")], { transport: ctx.transport }) };
  }
  const credentialed = Object.keys(ctx.sessionHeaders()).some((h) => h.toLowerCase() === "authorization");
  if (!credentialed) {
    return { outcome: { kind: "ok" }, check: result("step_up", "not_applicable", [finding("authorized", true, "the probe ran without a bearer token, so no under-scoped token could be refused")], { token: false }) };
  }
  const forbidden = (ctx.steps?.() ?? []).filter((s) => (s.kind === "protocol" || s.kind === "call") && s.outcome.kind === "http-error" && s.outcome.status === 403);
  if (forbidden.length === 0) {
    return { outcome: { kind: "ok" }, check: result("step_up", "not_applicable", [finding("status", true, "no call with our token was refused with 403, so step-up was not exercised")], { token: true, forbidden: 0 }) };
  }
  const step = forbidden[0]!;
  const headers = step.outcome.kind === "http-error" ? step.outcome.headers : {};
  const header = headers["www-authenticate"];
  const params = parseBearerChallenge(header)?.params ?? {};
  const metadata = params.resource_metadata;
  const findings = [
    finding("insufficient-scope", params.error === "insufficient_scope", params.error ? `the 403 to ${step.name} says error="${params.error}"` : `the 403 to ${step.name} carries no Bearer error`,
      'Answer a token that lacks a needed scope with 403 and WWW-Authenticate: Bearer error="insufficient_scope" (RFC 6750 §3.1).'),
    finding("scope", params.scope !== undefined && params.scope !== "", params.scope ? `it names scope="${params.scope}"` : "it names no scope",
      'Name every scope the operation needs in the challenge (scope="…"), all at once, so the client can step up in one round.'),
    finding("resource-metadata", metadata !== undefined && URL.canParse(metadata), metadata ? `resource_metadata is ${ctx.redactor.redactUrl(metadata)}` : "it has no resource_metadata",
      'Add resource_metadata="<RFC 9728 metadata URL>" to the 403 challenge, as on the 401 (MCP authorization spec).'),
  ];
  const facts = { token: true, forbidden: forbidden.length, step: step.name, error: params.error ?? null, scope: params.scope ?? null, resourceMetadata: metadata !== undefined };
  return {
    outcome: { kind: "ok", httpStatus: 403 },
    ...(header ? { excerpt: ctx.redactor.excerpt(`WWW-Authenticate: ${header}`, ctx.limits.maxExcerptChars) } : {}),
    check: result("step_up", verdictOf(findings, findings.map((f) => f.id)), findings, facts),
  };
}
