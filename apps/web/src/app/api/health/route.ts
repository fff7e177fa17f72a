import { httpStatusForCode } from "@kensa/core";
import { pingDatabase } from "@kensa/db";
import { getDatabase } from "../../../server/database";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = performance.now();
  try {
    const db = await getDatabase();
    await pingDatabase(db);
    return Response.json({ status: "ok", database: db.kind, ms: Math.round(performance.now() - started) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The reason goes to the operator's log, never to the caller.
    console.error("kensa web: database unavailable:", error instanceof Error ? error.message : String(error));
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: httpStatusForCode.unavailable, headers: { "Cache-Control": "no-store" } });
  }
}
