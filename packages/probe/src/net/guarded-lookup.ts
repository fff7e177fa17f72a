// DNS resolution with the address policy applied to what it returns. Used as the socket's `lookup`, so
// the address that is checked is the address that is connected to (no gap for DNS rebinding); a name that
// resolves to several addresses is refused if any one of them is refused.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { decideAddress, isIpLiteral, normaliseHost, type AddressPolicy } from "./address-policy";

/** The error a refused resolution fails the socket with; the fetch layer turns it into a `blocked` outcome. */
export class AddressRefusedError extends Error {
  override readonly name = "AddressRefusedError";
  readonly code = "EKENSA_REFUSED";
  constructor(readonly detail: string) {
    super(detail);
  }
}

export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const entry of addresses) {
        const decision = decideAddress(policy, hostname, entry.address);
        if (!decision.ok) return callback(new AddressRefusedError(decision.reason), "", 0);
      }
      if (addresses.length === 0) {
        const empty = Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" });
        return callback(empty, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export type UrlJudgement = { ok: true } | { ok: false; reason: "private-address" | "scheme-not-allowed"; detail: string };

/**
 * Judge a URL before anything is sent to it (or a redirect to it is followed): scheme, then every address
 * its host resolves to. A name that does not resolve is not refused here; connecting will fail on its own.
 */
export async function judgeUrl(policy: AddressPolicy, url: URL, timeoutMs: number): Promise<UrlJudgement> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: "scheme-not-allowed", detail: `scheme ${url.protocol} is not http or https` };
  }
  const host = normaliseHost(url.hostname);
  if (isIpLiteral(host)) {
    const decision = decideAddress(policy, url.hostname, host);
    return decision.ok ? { ok: true } : { ok: false, reason: "private-address", detail: decision.reason };
  }
  const addresses = await resolveAll(host, timeoutMs);
  for (const address of addresses) {
    const decision = decideAddress(policy, url.hostname, address);
    if (!decision.ok) return { ok: false, reason: "private-address", detail: decision.reason };
  }
  return { ok: true };
}

function resolveAll(host: string, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dnsLookup(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses.map((a) => a.address));
    });
  });
}
