// One OAuth 2.0 token request (RFC 6749 §4.4 client credentials, §6 refresh), with the RFC 8707 `resource`
// the MCP authorization spec requires. Confidential clients authenticate with client_secret_basic.
// Every token in the answer is handed to the redactor before anything else can see it. A refused token
// endpoint (discovery that did not validate) fails the grant before anything is built or sent.
import type { StepOutcome } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import type { FetchLike } from "../net/guarded-fetch";
import { httpJson, isObject } from "../discovery/http-json";
import type { TokenEndpoint } from "./token-endpoint";

export interface GrantRequest {
  tokenEndpoint: TokenEndpoint;
  grant: "refresh_token" | "client_credentials";
  clientId: string;
  clientSecret?: string;
  refreshToken?: string;
  scope?: string;
  resource: string;
}

export type GrantResult =
  | { ok: true; accessToken: string; expiresInSec?: number; refreshToken?: string; httpStatus: number }
  | { ok: false; outcome: StepOutcome; oauthError?: string; excerpt?: string };

export async function requestToken(fetch: FetchLike, req: GrantRequest, redactor: Redactor, maxDepth: number): Promise<GrantResult> {
  const endpoint = req.tokenEndpoint;
  if (!endpoint.ok) return { ok: false, outcome: endpoint.outcome, excerpt: redactor.excerpt(endpoint.reason, 1_024) };
  const form = new URLSearchParams({ grant_type: req.grant, resource: req.resource });
  if (req.grant === "refresh_token" && req.refreshToken) form.set("refresh_token", req.refreshToken);
  if (req.scope) form.set("scope", req.scope);
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/x-www-form-urlencoded" };
  if (req.clientSecret) {
    const basic = `${encodeURIComponent(req.clientId)}:${encodeURIComponent(req.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString("base64")}`;
  } else {
    form.set("client_id", req.clientId);
  }
  const answer = await httpJson(fetch, endpoint.url, { method: "POST", headers, body: form.toString(), redirect: "manual" }, redactor, maxDepth);
  if (!answer.ok) return { ok: false, outcome: answer.failure };
  const json = isObject(answer.json) ? answer.json : undefined;
  for (const field of ["access_token", "refresh_token", "id_token"]) {
    if (typeof json?.[field] === "string") redactor.add(json[field] as string);
  }
  if (answer.status !== 200) {
    const excerpt = redactor.excerpt(answer.text, 512);
    const oauthError = typeof json?.error === "string" ? json.error : undefined;
    return { ok: false, oauthError, excerpt, outcome: { kind: "http-error", status: answer.status, headers: answer.headers, body: excerpt } };
  }
  if (typeof json?.access_token !== "string" || json.access_token === "") {
    return { ok: false, outcome: { kind: "protocol-violation", violation: "unexpected-response", detail: "token response without access_token", httpStatus: 200 } };
  }
  const expiresIn = Number(json.expires_in);
  return {
    ok: true,
    accessToken: json.access_token,
    httpStatus: 200,
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresInSec: expiresIn } : {}),
    ...(typeof json.refresh_token === "string" ? { refreshToken: json.refresh_token } : {}),
  };
}
