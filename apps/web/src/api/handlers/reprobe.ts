// POST /api/v1/services/{id}/reprobe — authenticated by a bearer API token (CLI, CI) or a signed-in session
// with its CSRF token (the dashboard's form). The decision — scope, rate limit, audit — is requestReprobe's.
import { assertNever } from "@kensa/core";
import { verifyApiToken, type Database, type VerifiedToken } from "@kensa/db";
import { requestReprobe, type JobQueue, type ReprobeDecision } from "@kensa/services";
import { JobQueueUnavailableError } from "../../server/enqueue-deadline";
import type { Session } from "../../server/session";
import { cachePolicy, errorResponse, json, notFound } from "../respond";
import type { ReprobeAccepted } from "../schemas";
import { serviceIdPattern } from "./service";

export interface ReprobeDeps {
  db: Database;
  queue: JobQueue | null;
  now: number;
  /** Resolves the session cookie of the request (null: not signed in). */
  session: (request: Request) => Promise<Session | null>;
  csrfValid: (session: Session, presented: string | null) => boolean;
}

const unauthorized = (message: string) => errorResponse({ code: "unauthorized", message }, { headers: { "WWW-Authenticate": 'Bearer realm="kensa"' } });

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true; // SameSite=Strict and the CSRF token still hold
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function reprobeHandler(request: Request, params: Record<string, string>, deps: ReprobeDeps): Promise<Response> {
  const id = params.id ?? "";
  if (!serviceIdPattern.test(id)) return notFound(`no tracked service "${id}"`);
  const authorization = request.headers.get("authorization");
  const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  let token: VerifiedToken | null;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    token = match ? await verifyApiToken(deps.db, match[1]!) : null;
    if (!token) return unauthorized("the bearer token is not a valid, unrevoked Kensa API token");
  } else {
    const session = await deps.session(request);
    if (!session) return unauthorized("sign in, or send an API token as Authorization: Bearer <token>");
    const csrf = isForm ? String((await request.formData()).get("csrf") ?? "") : request.headers.get("x-csrf-token");
    if (!sameOrigin(request) || !deps.csrfValid(session, csrf || null)) return errorResponse({ code: "forbidden", message: "missing or invalid CSRF token" });
    token = { id: session.tokenId, name: session.subject, scopes: session.scopes };
  }
  if (!deps.queue) {
    if (isForm) return backToService(id, "unavailable");
    return errorResponse({ code: "unavailable", message: "re-probes need the job queue: run under kensa start, or set REDIS_URL" });
  }
  let decision: ReprobeDecision;
  try {
    decision = await requestReprobe({ db: deps.db, queue: deps.queue, now: deps.now }, { serviceId: id, token });
  } catch (error) {
    if (!(error instanceof JobQueueUnavailableError)) throw error;
    return queueUnavailable(id, error, isForm);
  }
  return isForm ? backToService(id, decision.status) : asJson(decision);
}

/** requestReprobe audited the failed enqueue (reprobe.failed) and left the minute unused: the caller may retry. */
function queueUnavailable(id: string, error: JobQueueUnavailableError, isForm: boolean): Response {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  console.error(`kensa web: re-probe of ${id} not queued: ${error.message}${cause}`);
  if (isForm) return backToService(id, "unavailable");
  return errorResponse({ code: "unavailable", message: "the job queue is unavailable; try again shortly" });
}

function asJson(decision: ReprobeDecision): Response {
  switch (decision.status) {
    case "accepted":
      return json(decision satisfies ReprobeAccepted, cachePolicy.none, 202);
    case "rate_limited":
      return errorResponse({ code: "rate_limited", message: decision.reason }, { headers: { "Retry-After": String(decision.retryAfterSec) } });
    case "forbidden":
      return errorResponse({ code: "forbidden", message: decision.reason });
    case "not_found":
      return notFound(decision.reason);
    default:
      return assertNever(decision);
  }
}

function backToService(id: string, outcome: ReprobeDecision["status"] | "unavailable"): Response {
  return new Response(null, { status: 303, headers: { Location: `/services/${encodeURIComponent(id)}?reprobe=${outcome}`, "Cache-Control": cachePolicy.none } });
}
