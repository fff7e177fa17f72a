import { getDatabase } from "../../../server/database";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = performance.now();
  try {
    const db = await getDatabase();
    await db.prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: db.kind, ms: Math.round(performance.now() - started) }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
