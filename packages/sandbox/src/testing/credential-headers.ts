// Test support: the request headers a client would send for a sandbox target, obtaining OAuth tokens with
// the grant its credential names. (The probe engine does this for real; tests here use the SDK directly.)
import type { CredentialSpec, SecretSource } from "@kensa/core";

async function need(secrets: SecretSource, name: string): Promise<string> {
  const value = await secrets.get(name);
  if (value === undefined) throw new Error(`secret ${name} is not in the sandbox's secret source`);
  return value;
}

export async function tokenFor(credential: CredentialSpec, secrets: SecretSource): Promise<{ token: string; expiresIn?: number } | null> {
  switch (credential.kind) {
    case "none":
    case "header":
      return null;
    case "bearer":
      return { token: await need(secrets, credential.tokenSecret) };
    case "oauth-client-credentials":
    case "oauth-refresh": {
      const form = new URLSearchParams({ client_id: await need(secrets, credential.clientIdSecret) });
      if (credential.kind === "oauth-refresh") {
        form.set("grant_type", "refresh_token");
        form.set("refresh_token", await need(secrets, credential.refreshTokenSecret));
        if (credential.clientSecretSecret) form.set("client_secret", await need(secrets, credential.clientSecretSecret));
      } else {
        form.set("grant_type", "client_credentials");
        form.set("client_secret", await need(secrets, credential.clientSecretSecret));
        if (credential.scope) form.set("scope", credential.scope);
      }
      const res = await fetch(credential.tokenUrl!, { method: "POST", body: form });
      const body = (await res.json()) as { access_token?: string; expires_in?: number; error?: string };
      if (!res.ok || !body.access_token) throw new Error(`token endpoint ${credential.tokenUrl} answered ${res.status} ${body.error ?? ""}`);
      return { token: body.access_token, expiresIn: body.expires_in };
    }
  }
}

export async function credentialHeaders(credential: CredentialSpec, secrets: SecretSource): Promise<Record<string, string>> {
  if (credential.kind === "header") return { [credential.header]: await need(secrets, credential.valueSecret) };
  const token = await tokenFor(credential, secrets);
  return token ? { authorization: `Bearer ${token.token}` } : {};
}
