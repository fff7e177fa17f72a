// GET /api/v1/adoption — OAuth, SSO and IaC adoption by vendor origin, declared (from the catalogue's sources)
// beside simulated (the sandbox profiles), each figure carrying its basis so a client cannot mistake one for the other;
// and the MCP protocol era mix of the runs per day and source (data/protocol-mix.ts).
import type { Database } from "@kensa/db";
import { loadAdoption } from "../../data/adoption";
import { loadProtocolMix } from "../../data/protocol-mix";
import { cachePolicy, json } from "../respond";
import type { Adoption } from "../schemas";

const protocolMixDays = 90;

export async function adoptionHandler(db: Database): Promise<Response> {
  const [view, protocolMix] = await Promise.all([loadAdoption(db), loadProtocolMix(db, new Date(Date.now() - protocolMixDays * 86_400_000))]);
  const body: Adoption = { services: view.services, figures: view.figures, protocolMix: protocolMix as Adoption["protocolMix"] };
  return json(body, cachePolicy.live);
}
