import { exportCsvHandler } from "../../../../api/handlers/export-csv";
import { runApi } from "../../../../api/run-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return runApi(request, exportCsvHandler);
}
