// GET /api/v1/badge/{id}.svg — always a well-formed SVG: the grade, or "not graded" for an unknown or
// ungraded id (a README must never show a broken image). Embeddable from any origin.
import { isSimulated } from "@kensa/core";
import { readLatestPackageRuns, readLeaderboardServices, type Database } from "@kensa/db";
import { packageEvidenceView } from "../../data/package-evidence";
import { badgeSvg, packageBadgeSvg } from "../../lib/badge-svg";
import { enumParam } from "../query-params";
import { cachePolicy } from "../respond";
import { serviceIdPattern } from "./service";

/** source=package: the vendor-package badge (what Kensa observed from the vendor's own package), not the grade. */
export const badgeParams = { source: enumParam(["package"]) };

export async function badgeHandler(db: Database, url: URL, params: Record<string, string>): Promise<Response> {
  const id = params.file?.replace(/\.svg$/, "") ?? "";
  const valid = params.file?.endsWith(".svg") && serviceIdPattern.test(id);
  const [service] = valid ? await readLeaderboardServices(db, { ids: [id] }) : [];
  const grade = service?.grade ?? null;
  // ?source=package: what Kensa observed from the vendor's own package (name@version), never the grade.
  const evidence = url.searchParams.get("source") === "package" && service ? packageEvidenceView((await readLatestPackageRuns(db, { ids: [id] })).get(id)) : null;
  const svg = url.searchParams.get("source") === "package"
    ? packageBadgeSvg(evidence ? { name: evidence.package.name, version: evidence.package.version, tools: evidence.started ? evidence.tools : null } : null)
    : badgeSvg({ grade: grade?.grade ?? null, methodologyVersion: grade?.methodologyVersion, provisional: grade?.provisional, partial: grade?.coverage === "partial", sandbox: isSimulated(grade?.source), future: grade?.future ?? null });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": service ? cachePolicy.badge : "public, max-age=300",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
