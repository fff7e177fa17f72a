// auth_challenge: the first request without credentials (initialize, or in the 2026-07-28 era a tools/list:
// see first-request.ts) should be refused with 401 and a Bearer challenge naming the RFC 9728 metadata
// (`resource_metadata`) and, per the MCP authorization spec, the `scope` needed. A server that answers
// without credentials does not require auth: not applicable.
import { checkRequest } from "./check-request";
import { finding, result, type CheckContext, type CheckOutput } from "./check-context";
import { firstRequest } from "./first-request";
import { parseBearerChallenge } from "./www-authenticate";

export async function authChallengeCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport === "stdio" || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("auth_challenge", "not_applicable", [finding("transport", true, "stdio servers are not reached over HTTP")], {}) };
  }
  const first = firstRequest(ctx);
  const sent = ctx.transport === "sse" ? "GET of the event stream" : first.label;
  const init: RequestInit = ctx.transport === "sse" ? { method: "GET", headers: { accept: "text/event-stream" } } : { method: "POST", headers: first.headers, body: first.body };
  const answer = await checkRequest(ctx, init);
  if (!answer.ok) {
    return { outcome: answer.failure, check: result("auth_challenge", "inconclusive", [finding("reachable", false, `the unauthenticated request failed: ${answer.failure.kind}`)], {}) };
  }
  const outcome = { kind: "ok" as const, httpStatus: answer.status };
  const facts: Record<string, unknown> = { status: answer.status, sent };
  if (answer.status >= 200 && answer.status < 300) {
    ctx.challenge.authRequired = false;
    facts.authRequired = false;
    return { outcome, check: result("auth_challenge", "not_applicable", [finding("auth-required", true, `the server answers ${sent} without credentials`)], facts) };
  }
  if (answer.status !== 401 && answer.status !== 403) {
    return {
      outcome,
      excerpt: answer.excerpt,
      check: result("auth_challenge", "inconclusive", [finding("status", false, `an unauthenticated ${sent} was answered ${answer.status}, neither success nor 401`)], facts),
    };
  }
  ctx.challenge.authRequired = true;
  facts.authRequired = true;
  const header = answer.raw.get("www-authenticate") ?? undefined;
  const challenge = parseBearerChallenge(header);
  const metadata = challenge?.params.resource_metadata;
  const metadataUrl = metadata && URL.canParse(metadata) ? metadata : undefined;
  if (metadataUrl) ctx.challenge.resourceMetadata = metadataUrl;
  Object.assign(facts, { wwwAuthenticate: header !== undefined, bearer: challenge !== undefined, resourceMetadata: metadataUrl ?? null, scope: challenge?.params.scope ?? null });
  const findings = [
    finding("status-401", answer.status === 401, `missing credentials are answered ${answer.status}`, "Answer requests without credentials with 401 Unauthorized, not 403."),
    finding("www-authenticate", challenge !== undefined, challenge ? "a Bearer challenge is sent" : "no Bearer WWW-Authenticate challenge", "Send WWW-Authenticate: Bearer with the 401."),
    finding("resource-metadata", metadataUrl !== undefined, metadataUrl ? `resource_metadata points to ${ctx.redactor.redactUrl(metadataUrl)}` : "the challenge has no resource_metadata URL", 'Add resource_metadata="<RFC 9728 metadata URL>" to the challenge (MCP authorization spec).'),
    finding("scope", challenge?.params.scope !== undefined, challenge?.params.scope ? `scope "${challenge.params.scope}" is named` : "the challenge names no scope", "Name the scope the client needs in the challenge (scope=\"…\")."),
  ];
  const verdict = findings.slice(0, 3).every((f) => f.ok) ? "pass" : "fail";
  return { outcome, excerpt: header ? ctx.redactor.excerpt(`WWW-Authenticate: ${header}`, ctx.limits.maxExcerptChars) : answer.excerpt, check: result("auth_challenge", verdict, findings, facts) };
}
