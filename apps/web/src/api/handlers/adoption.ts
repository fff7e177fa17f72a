// GET /api/v1/adoption — OAuth, SSO and IaC adoption by vendor origin, declared (from the catalogue's sources)
// beside simulated (the sandbox profiles), each figure carrying its basis so a client cannot mistake one for the other.
import type { Database } from "@kensa/db";
import { loadAdoption } from "../../data/adoption";
import { cachePolicy, json } from "../respond";
import type { Adoption } from "../schemas";

export async function adoptionHandler(db: Database): Promise<Response> {
  const view = await loadAdoption(db);
  const body: Adoption = { services: view.services, figures: view.figures };
  return json(body, cachePolicy.live);
}
