// Reads the auth-params of a WWW-Authenticate header (RFC 9110 §11.6.1, RFC 6750 §3): error,
// error_description, scope, resource_metadata. Tolerant: a malformed header yields what it could read.

export interface AuthChallenge {
  scheme?: string;
  params: Record<string, string>;
}

const paramPattern = /([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;

export function parseWwwAuthenticate(header: string | undefined): AuthChallenge | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const scheme = /^\s*([A-Za-z][A-Za-z0-9_-]*)(?:\s|$)/.exec(header)?.[1];
  const params: Record<string, string> = {};
  for (const match of header.matchAll(paramPattern)) {
    const name = match[1]!.toLowerCase();
    // The first occurrence wins: a later challenge (e.g. Basic after Bearer) must not override it.
    if (name in params) continue;
    params[name] = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] ?? "");
  }
  return scheme === undefined ? { params } : { scheme, params };
}
