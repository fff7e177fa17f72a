// The fetch every byte to a target goes through (MCP transports, readiness checks, OAuth). Redirects are
// judged before they are followed: the next hop's scheme and resolved addresses must pass the policy, hops
// are counted, and credentials never follow a redirect to another origin.
import { judgeUrl } from "./guarded-lookup";
import { sendOnce, type FetchContext } from "./send-once";
import { WireError, type ExchangeRole, type WireFailure } from "./wire";

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface GuardedFetchOptions {
  role: (method: string) => ExchangeRole;
  /** Headers added to every request to `origin` only (credentials, the caller's headers). */
  originHeaders?: { origin: string; headers: () => Record<string, string> };
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export function createGuardedFetch(ctx: FetchContext, options: GuardedFetchOptions): FetchLike {
  return async (input, init = {}) => {
    let url = new URL(input instanceof URL ? input.href : String(input));
    let method = (init.method ?? "GET").toUpperCase();
    let body = bodyOf(init.body);
    const headers = new Headers(init.headers);
    if (init.body instanceof URLSearchParams && !headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
    const role = options.role(method);
    const tripTarget = role === "listen" ? (ctx.listenAffectsSteps ? "current" : undefined) : ctx.wire.step;

    for (let hop = 0; ; hop++) {
      const sent = new Headers(headers);
      if (options.originHeaders && url.origin === options.originHeaders.origin) {
        for (const [name, value] of Object.entries(options.originHeaders.headers())) if (!sent.has(name)) sent.set(name, value);
      }
      const { exchange, response: pending } = sendOnce(ctx, { url, method, headers: sent, body, signal: init.signal, role });
      const response = await pending;
      const location = redirectStatuses.has(response.status) ? response.headers.get("location") : null;
      if (!location) return response;
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        return response;
      }
      exchange.redirectedTo = ctx.redactor.redactUrl(target);
      const refuse = async (failure: WireFailure): Promise<never> => {
        await response.body?.cancel().catch(() => undefined);
        ctx.wire.trip(exchange, failure, tripTarget);
        throw new WireError(failure);
      };
      const judged = await judgeUrl(ctx.policy, target, ctx.limits.connectTimeoutMs);
      if (!judged.ok) {
        await refuse({ kind: "blocked", reason: judged.reason === "scheme-not-allowed" ? "scheme-not-allowed" : "redirect-to-private", detail: `redirect to ${exchange.redirectedTo}: ${judged.detail}` });
      }
      const step = ctx.wire.step;
      const hops = init.redirect === "manual" && step ? ++step.redirects : hop + 1;
      if (hops > ctx.limits.maxRedirects) {
        await refuse({ kind: "blocked", reason: "too-many-redirects", detail: `more than ${ctx.limits.maxRedirects} redirects` });
      }
      // The MCP SDK follows redirects itself (within the origin) and asks for them unfollowed.
      if (init.redirect === "manual") return response;
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
      }
      if (target.origin !== url.origin) {
        headers.delete("authorization");
        headers.delete("cookie");
      }
      url = target;
    }
  };
}

function bodyOf(body: RequestInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  throw new TypeError(`guarded fetch: unsupported request body type ${Object.prototype.toString.call(body)}`);
}
