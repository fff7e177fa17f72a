// Test support: catalogue entries made up on the spot (validated like real ones), for profiles and
// overrides the real catalogue does not happen to use.
import { CatalogueEntry, type BehaviourProfileOverrides, type CredentialSpec, type SandboxProfileName, type ServiceCategory } from "@kensa/core";

export interface TestEntry {
  id: string;
  profile: SandboxProfileName;
  overrides?: BehaviourProfileOverrides;
  category?: ServiceCategory;
  credential?: CredentialSpec;
}

function defaultCredential(id: string, profile: SandboxProfileName): CredentialSpec {
  const p = id.toUpperCase().replace(/-/g, "_");
  if (profile.startsWith("open")) return { kind: "none" };
  if (profile.startsWith("api-key")) return { kind: "header", header: "X-API-Key", valueSecret: `${p}_API_KEY` };
  if (profile === "oauth-day-token") return { kind: "bearer", tokenSecret: `${p}_ACCESS_TOKEN` };
  return { kind: "oauth-refresh", refreshTokenSecret: `${p}_REFRESH_TOKEN`, clientIdSecret: `${p}_CLIENT_ID`, clientSecretSecret: `${p}_CLIENT_SECRET` };
}

export function testEntry(spec: TestEntry): CatalogueEntry {
  return CatalogueEntry.parse({
    id: spec.id,
    name: { en: `Test ${spec.id}` },
    vendor: "Kensa tests",
    category: spec.category ?? "accounting",
    endpoint: { url: null, transport: "streamable-http" },
    authMethod: "unknown",
    credential: spec.credential ?? defaultCredential(spec.id, spec.profile),
    calls: [{ tool: "list_deals", arguments: { limit: 5 }, readOnly: true }],
    intervalSec: 900,
    // The initialize era unless a test asks for another: the draw from a made-up id would otherwise decide.
    sandbox: { profile: spec.profile, overrides: { protocolEras: ["initialize"], ...spec.overrides } },
  });
}
