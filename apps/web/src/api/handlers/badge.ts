// GET /api/v1/badge/{id}.svg — always a well-formed SVG: the grade, or "not graded" for an unknown or
// ungraded id (a README must never show a broken image). Embeddable from any origin.
import { isSimulated } from "@kensa/core";
import { readLeaderboardServices, type Database } from "@kensa/db";
import { badgeSvg } from "../../lib/badge-svg";
import { cachePolicy } from "../respond";
import { serviceIdPattern } from "./service";

export async function badgeHandler(db: Database, _url: URL, params: Record<string, string>): Promise<Response> {
  const id = params.file?.replace(/\.svg$/, "") ?? "";
  const [service] = params.file?.endsWith(".svg") && serviceIdPattern.test(id) ? await readLeaderboardServices(db, { ids: [id] }) : [];
  const grade = service?.grade ?? null;
  const svg = badgeSvg({ grade: grade?.grade ?? null, methodologyVersion: grade?.methodologyVersion, provisional: grade?.provisional, partial: grade?.coverage === "partial", sandbox: isSimulated(grade?.source), future: grade?.future ?? null });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": service ? cachePolicy.badge : "public, max-age=300",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
