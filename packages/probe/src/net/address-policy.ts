// Which resolved addresses a probe may connect to. Public addresses always; a host named in `allowHosts`
// always (the sandbox, a vendor's local build); loopback, private, shared and link-local ranges only with
// `allowPrivate`. Metadata, unspecified, multicast and reserved addresses only when their host is allow-listed.
import { isIP } from "node:net";
import { classifyAddress, type AddressClass } from "./address-class";

export interface AddressPolicy {
  allowPrivate: boolean;
  /** Host names or IP literals (as written in URLs) that may resolve anywhere. */
  allowHosts?: string[];
}

export type AddressDecision = { ok: true; addressClass: AddressClass } | { ok: false; addressClass: AddressClass; reason: string };

const privateRanges: ReadonlySet<AddressClass> = new Set(["loopback", "private", "shared", "link-local"]);

export function normaliseHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, "");
  return lower.startsWith("[") && lower.endsWith("]") ? lower.slice(1, -1) : lower;
}

export function hostIsAllowListed(policy: AddressPolicy, host: string): boolean {
  const wanted = normaliseHost(host);
  return (policy.allowHosts ?? []).some((h) => normaliseHost(h) === wanted);
}

/** Judge one resolved address of `host`. */
export function decideAddress(policy: AddressPolicy, host: string, address: string): AddressDecision {
  const addressClass = classifyAddress(address);
  if (addressClass === "public" || hostIsAllowListed(policy, host)) return { ok: true, addressClass };
  if (policy.allowPrivate && privateRanges.has(addressClass)) return { ok: true, addressClass };
  const hint = privateRanges.has(addressClass) ? " (allow it with --allow-private or an allow-listed host)" : "";
  return { ok: false, addressClass, reason: `${host} resolves to ${address}, a ${addressClass} address${hint}` };
}

export function isIpLiteral(host: string): boolean {
  return isIP(normaliseHost(host)) !== 0;
}

/** Loopback names and literals: what `kensa scan` allows when its user typed them. */
export function isLoopbackHost(host: string): boolean {
  const h = normaliseHost(host);
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  return isIP(h) !== 0 && classifyAddress(h) === "loopback";
}
