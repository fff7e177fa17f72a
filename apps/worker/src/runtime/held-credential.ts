// The credential a live probe holds: the catalogue's, when every secret it names is set; otherwise none.
// Kensa has no account with most vendors, and a correctly protected endpoint probed without one still shows
// its protocol, metadata and error behaviour — graded partial (core coverage.ts), never refused as Kensa's
// misconfiguration. Only live targets: in the sandbox a missing secret is Kensa's own bug and stays an error.
import { secretNamesOf, type CredentialSpec, type SecretSource } from "@kensa/core";

export async function heldCredential(spec: CredentialSpec, secrets: SecretSource): Promise<CredentialSpec> {
  for (const name of secretNamesOf(spec)) {
    if ((await secrets.get(name)) === undefined) return { kind: "none" };
  }
  return spec;
}
