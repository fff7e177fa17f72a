import { serviceHandler } from "../../../../../api/handlers/service";
import { runApi } from "../../../../../api/run-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  return runApi(request, serviceHandler, await context.params);
}
