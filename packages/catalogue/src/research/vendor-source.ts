// Whether a server recorded as the vendor's is sourced where the vendor speaks for itself: a page on the
// vendor's own site (its homepage's domain, or the domain the server itself runs on), or a code or package
// registry where ownership is the organisation's (the research's ownerEvidence says which). A directory or
// blog that names "the vendor's server" is a third party speaking for it: such a server is held back.

/** Hosts where a page belongs to whoever owns the repository or package, not to the host. */
const codeAndPackageHosts = new Set(["github.com", "gitlab.com", "bitbucket.org", "www.npmjs.com", "npmjs.com", "pypi.org", "hub.docker.com", "ghcr.io", "registry.modelcontextprotocol.io"]);

/** Second-level labels under which a registrable domain has three labels (example.co.jp). */
const compoundSuffixes = new Set(["co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.uk", "org.uk", "com.au", "com.br", "co.kr", "com.cn", "com.tw"]);

/** example.com for docs.example.com; example.co.jp for www.example.co.jp; null for no URL. */
export function registrableDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.split(".");
  const take = labels.length >= 3 && compoundSuffixes.has(labels.slice(-2).join(".")) ? 3 : 2;
  return labels.slice(-take).join(".");
}

export function sourcedByVendor(server: { source: string; url?: string | null }, homepage: string | null | undefined): boolean {
  let host: string;
  try {
    host = new URL(server.source).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (codeAndPackageHosts.has(host)) return true;
  const source = registrableDomain(server.source);
  return source !== null && (source === registrableDomain(homepage) || source === registrableDomain(server.url));
}
