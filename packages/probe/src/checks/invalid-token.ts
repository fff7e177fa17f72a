// invalid_token: a garbage bearer token must be refused with 401 (ideally error="invalid_token").
// Only meaningful when the server requires auth at all. Sent on the era's first request (first-request.ts).
import { randomBytes } from "node:crypto";
import { checkRequest } from "./check-request";
import { finding, result, type CheckContext, type CheckOutput } from "./check-context";
import { firstRequest } from "./first-request";
import { parseBearerChallenge } from "./www-authenticate";

export async function invalidTokenCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport !== "streamable-http" || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("invalid_token", "not_applicable", [finding("transport", true, `not checked over ${ctx.transport}`)], {}) };
  }
  if (ctx.challenge.authRequired === false) {
    return { outcome: { kind: "ok" }, check: result("invalid_token", "not_applicable", [finding("auth-required", true, "the server requires no credentials")], {}) };
  }
  const garbage = `kensa-invalid-${randomBytes(16).toString("hex")}`;
  const first = firstRequest(ctx);
  const answer = await checkRequest(ctx, { method: "POST", headers: { ...first.headers, authorization: `Bearer ${garbage}` }, body: first.body });
  if (!answer.ok) {
    return { outcome: answer.failure, check: result("invalid_token", "inconclusive", [finding("reachable", false, `the request failed: ${answer.failure.kind}`)], {}) };
  }
  const outcome = { kind: "ok" as const, httpStatus: answer.status };
  const challenge = parseBearerChallenge(answer.raw.get("www-authenticate") ?? undefined);
  const facts = { status: answer.status, error: challenge?.params.error ?? null, sent: first.label };
  if (ctx.challenge.authRequired === undefined && answer.status >= 200 && answer.status < 300) {
    return { outcome, check: result("invalid_token", "inconclusive", [finding("auth-required", false, "could not tell whether the server requires credentials")], facts) };
  }
  const findings = [
    finding("status-401", answer.status === 401, `a garbage bearer token on ${first.label} is answered ${answer.status}`, "Reject unknown or malformed bearer tokens with 401 Unauthorized."),
    finding("error-invalid-token", challenge?.params.error === "invalid_token", challenge?.params.error ? `the challenge says error="${challenge.params.error}"` : "the challenge carries no error code", 'Say error="invalid_token" in the WWW-Authenticate challenge (RFC 6750 §3.1).'),
  ];
  return { outcome, excerpt: answer.excerpt, check: result("invalid_token", findings[0]!.ok ? "pass" : "fail", findings, facts) };
}
