// Config portability / IaC: can an enterprise move this server's configuration between environments and
// manage it as code? Declared Terraform/Pulumi provider, MCP Registry entry, environment separation, and
// an observed server card that agrees with the server.
import type { GradeEvidence } from "../evidence";
import { checkItem, declaredItem, type AxisAssessment } from "../items";

export function assessPortability(e: GradeEvidence): AxisAssessment {
  return {
    items: [
      declaredItem(e, ["terraformProvider", "pulumiProvider"], "portability", "iac_provider", 35, "Terraform or Pulumi provider", "Publish a Terraform or Pulumi provider for the MCP configuration (endpoints, scopes, clients)."),
      declaredItem(e, ["registryEntry"], "portability", "registry_entry", 20, "MCP Registry entry (server.json)", "List the server in the MCP Registry with a server.json."),
      declaredItem(e, ["environmentSeparation"], "portability", "environment_separation", 20, "Separate dev / staging / prod endpoints or tenants", "Offer and document separate endpoints or tenants for development, staging and production."),
      checkItem(e, "server_card", "portability", "server_card", 25, {
        pass: "The server card / server.json agrees with what the server reports.",
        fail: "No server card, or it disagrees with what the server reports.",
        fix: "Publish a server card / server.json that matches the server's name, version, transport and tools.",
      }, "zero"),
    ],
    facts: {
      terraformProvider: e.declared.terraformProvider.value,
      pulumiProvider: e.declared.pulumiProvider.value,
      registryEntry: e.declared.registryEntry.value,
      environmentSeparation: e.declared.environmentSeparation.value,
      serverCardCheck: e.checks.server_card?.verdict ?? null,
    },
  };
}
