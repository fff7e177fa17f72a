// Environment overlays (probes/overlays/<env>.yaml): replace endpoints, credentials' secret names and probe
// intervals per environment without touching the catalogue files. Every overlaid entry is validated again,
// and a problem it causes is reported against the overlay, not the entry.
import { z } from "zod";
import { CatalogueEntry, CredentialSpec, Endpoint, SecretName, ServiceId } from "@kensa/core";
import { fieldPath, type CatalogueIssue } from "./catalogue-error";
import { readYaml } from "./read-yaml";
import { issuesFromZod } from "./zod-issues";

const interval = z.int().min(60).max(86_400);

export const Overlay = z.strictObject({
  environment: z.string().regex(/^[a-z][a-z0-9-]*$/, "expected a lower-case environment name"),
  /** Prepended to every secret name the catalogue's credentials use (e.g. STAGING_ → STAGING_FREEE_ACCESS_TOKEN). */
  secretPrefix: SecretName.optional(),
  defaults: z.strictObject({ intervalSec: interval.optional() }).default({}),
  services: z
    .record(ServiceId, z.strictObject({ endpoint: Endpoint.optional(), credential: CredentialSpec.optional(), intervalSec: interval.optional() }))
    .default({}),
});
export type Overlay = z.infer<typeof Overlay>;

export type ParsedOverlay = { ok: true; overlay: Overlay } | { ok: false; issues: CatalogueIssue[] };

export function parseOverlay(text: string, file: string, expectedEnvironment?: string): ParsedOverlay {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const parsed = Overlay.safeParse(read.data ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, file, { lineOf: read.lineOf }) };
  if (expectedEnvironment !== undefined && parsed.data.environment !== expectedEnvironment) {
    return { ok: false, issues: [{ file, line: read.lineOf(["environment"]), field: "environment", expected: `expected "${expectedEnvironment}" (the overlay's name), got "${parsed.data.environment}"` }] };
  }
  return { ok: true, overlay: parsed.data };
}

function prefixed(credential: CredentialSpec, prefix: string): CredentialSpec {
  switch (credential.kind) {
    case "none":
      return credential;
    case "bearer":
      return { ...credential, tokenSecret: prefix + credential.tokenSecret };
    case "header":
      return { ...credential, valueSecret: prefix + credential.valueSecret };
    case "oauth-client-credentials":
      return { ...credential, clientIdSecret: prefix + credential.clientIdSecret, clientSecretSecret: prefix + credential.clientSecretSecret };
    case "oauth-refresh":
      return {
        ...credential,
        refreshTokenSecret: prefix + credential.refreshTokenSecret,
        clientIdSecret: prefix + credential.clientIdSecret,
        ...(credential.clientSecretSecret ? { clientSecretSecret: prefix + credential.clientSecretSecret } : {}),
      };
  }
}

export function applyOverlay(
  entries: readonly CatalogueEntry[],
  overlay: Overlay,
  file: string,
): { ok: true; entries: CatalogueEntry[] } | { ok: false; issues: CatalogueIssue[] } {
  const issues: CatalogueIssue[] = [];
  const known = new Set(entries.map((e) => e.id));
  for (const id of Object.keys(overlay.services)) {
    if (!known.has(id)) issues.push({ file, field: fieldPath(["services", id]), expected: `expected the id of a catalogued service, got "${id}" (no such file in the catalogue)` });
  }
  const out: CatalogueEntry[] = [];
  for (const entry of entries) {
    const own = overlay.services[entry.id];
    const candidate = {
      ...entry,
      endpoint: own?.endpoint ?? entry.endpoint,
      credential: own?.credential ?? (overlay.secretPrefix ? prefixed(entry.credential, overlay.secretPrefix) : entry.credential),
      intervalSec: own?.intervalSec ?? overlay.defaults.intervalSec ?? entry.intervalSec,
    };
    const parsed = CatalogueEntry.safeParse(candidate, { reportInput: true });
    if (parsed.success) out.push(parsed.data);
    else issues.push(...issuesFromZod(parsed.error, file, { prefix: ["services", entry.id] }));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, entries: out };
}
