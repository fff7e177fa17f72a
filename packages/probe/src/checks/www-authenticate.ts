// Parses the Bearer challenge of a WWW-Authenticate header (RFC 6750 §3, RFC 9728 §5.1): auth-params
// such as realm, scope, error and resource_metadata. Other schemes in the same header are ignored.

export interface BearerChallenge {
  params: Record<string, string>;
}

const param = /([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;

export function parseBearerChallenge(header: string | undefined): BearerChallenge | undefined {
  if (!header) return undefined;
  const start = header.search(/(^|[\s,])Bearer(\s|$)/i);
  if (start < 0) return undefined;
  const rest = header.slice(start).replace(/^[\s,]*Bearer/i, "");
  const params: Record<string, string> = {};
  for (const match of rest.matchAll(param)) {
    const name = match[1]!.toLowerCase();
    // A token68 or a new scheme after the params ends this challenge.
    if (params[name] !== undefined) break;
    params[name] = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : match[3]!;
  }
  return { params };
}
