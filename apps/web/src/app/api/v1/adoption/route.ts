import { adoptionHandler } from "../../../../api/handlers/adoption";
import { runApi } from "../../../../api/run-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return runApi(request, adoptionHandler);
}
