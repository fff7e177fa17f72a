// A catalogue entry's effective behaviour: its named profile with the entry's overrides merged field by field
// (failure rates class by class), validated again as a whole so an override cannot break a profile's rules.
import type { z } from "zod";
import type { AuthMethod } from "../catalogue/declared-facts";
import type { CredentialSpec } from "../catalogue/credential-spec";
import { BehaviourProfile, type BehaviourProfileOverrides, type SandboxAuthMode } from "./behaviour-profile";
import { profileLibrary, type SandboxProfileName } from "./profile-library";

export interface SandboxBinding {
  profile: SandboxProfileName;
  overrides: BehaviourProfileOverrides;
}

export type ResolvedProfile =
  | { ok: true; profile: BehaviourProfile }
  | { ok: false; issues: z.core.$ZodIssue[] };

export function resolveProfile(binding: SandboxBinding): ResolvedProfile {
  const base = profileLibrary[binding.profile];
  const o = binding.overrides;
  const merged = {
    ...base,
    ...o,
    latency: { ...base.latency, ...o.latency },
    failures: { ...base.failures, ...o.failures },
    auth: { ...base.auth, ...o.auth },
    metadata: { ...base.metadata, ...o.metadata },
    gateway: { ...base.gateway, ...o.gateway },
    enterprise: { ...base.enterprise, ...o.enterprise },
  };
  const parsed = BehaviourProfile.safeParse(merged);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** none / key / oauth: an entry's auth method, its credential and its profile must agree on this. */
export type AuthClass = "none" | "key" | "oauth";

export function authClassOfMode(mode: SandboxAuthMode): AuthClass {
  return mode === "none" ? "none" : mode === "api_key" ? "key" : "oauth";
}

export function authClassOfMethod(method: AuthMethod): AuthClass | "any" {
  return method === "unknown" ? "any" : authClassOfMode(method);
}

export function authClassOfCredential(credential: CredentialSpec): AuthClass | "key-or-oauth" {
  switch (credential.kind) {
    case "none":
      return "none";
    case "header":
      return "key";
    case "bearer":
      return "key-or-oauth";
    case "oauth-client-credentials":
    case "oauth-refresh":
      return "oauth";
  }
}

export function authClassesAgree(a: AuthClass | "any" | "key-or-oauth", b: AuthClass | "any" | "key-or-oauth"): boolean {
  if (a === "any" || b === "any" || a === b) return true;
  if (a === "key-or-oauth") return b === "key" || b === "oauth";
  if (b === "key-or-oauth") return a === "key" || a === "oauth";
  return false;
}
