// Which catalogued service a span's server.address names. The host of each service's endpoint and of the
// vendor-owned remote servers it lists is indexed; a host two services share (a platform hosting several
// vendors) names neither, so such spans need an explicit kensa.service.id attribute.
export interface ServiceUrls {
  id: string;
  urls: readonly (string | null | undefined)[];
}

export type ServiceHostIndex = ReadonlyMap<string, readonly string[]>;

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function serviceHostIndex(services: readonly ServiceUrls[]): ServiceHostIndex {
  const index = new Map<string, string[]>();
  for (const service of services) {
    for (const url of service.urls) {
      const host = url ? hostOf(url) : null;
      if (!host) continue;
      const ids = index.get(host) ?? [];
      if (!ids.includes(service.id)) ids.push(service.id);
      index.set(host, ids);
    }
  }
  return index;
}

export type HostMatch = { kind: "service"; serviceId: string } | { kind: "unknown" } | { kind: "ambiguous"; serviceIds: readonly string[] };

/** server.address is a host name (or IP); a URL is tolerated because some instrumentations put one there. */
export function serviceForHost(index: ServiceHostIndex, address: string): HostMatch {
  const host = (address.includes("://") ? hostOf(address) : address.toLowerCase().replace(/\.$/, "")) ?? "";
  const ids = index.get(host) ?? [];
  if (ids.length === 1) return { kind: "service", serviceId: ids[0]! };
  return ids.length === 0 ? { kind: "unknown" } : { kind: "ambiguous", serviceIds: ids };
}
