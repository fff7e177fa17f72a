// A service's newest package run as the API and pages show it: the pinned package's name and version, the
// headline figures and core's findings (packageFindings). Labelled `package` everywhere: observed from the
// vendor's own published package, apart from sandbox data and from the grade.
import { packageFindings } from "@kensa/core";
import type { PackageRun } from "@kensa/db";
import type { PackageEvidenceView } from "../api/schemas";

export function packageEvidenceView(run: PackageRun | undefined): PackageEvidenceView | null {
  const pkg = run?.summary.package;
  if (!run || !pkg) return null;
  const findings = packageFindings(run);
  const find = (id: string) => findings.find((f) => f.id === id);
  const startup = find("startup");
  const call = find("unauthenticated_call");
  return {
    source: "package",
    package: { registry: pkg.registry, name: pkg.name, version: pkg.version, integrity: pkg.integrity },
    observedAt: run.startedAt.toISOString(),
    started: typeof startup?.value === "number",
    startupMs: typeof startup?.value === "number" ? startup.value : null,
    protocolVersion: run.summary.protocolVersion ?? null,
    tools: run.summary.tools?.count ?? null,
    unauthenticatedCall: call?.shape ?? null,
    errorActionability: call?.actionability ?? null,
    findings,
  };
}
