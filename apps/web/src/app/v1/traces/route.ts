// OTLP/HTTP trace intake on the dashboard's origin: point an exporter's traces endpoint at <origin>/v1/traces.
import { otlpTracesHandler } from "../../../api/handlers/otlp-traces";
import { failure } from "../../../api/respond";
import { getDatabase } from "../../../server/database";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    return await otlpTracesHandler(request, { db: await getDatabase(), now: Date.now() });
  } catch (error) {
    return failure(error);
  }
}
