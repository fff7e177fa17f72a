// What the newest probe run of a service negotiated: its protocol version, and its protocol era where the
// prober recorded one in the run summary. One index lookup (service_id, started_at desc).
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export interface LatestProtocol {
  version: string | null;
  era: string | null;
}

export async function readLatestProtocol(db: Database, serviceId: string): Promise<LatestProtocol> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ protocol_version: string | null; era: string | null }[]>(
    `SELECT protocol_version, summary ->> 'protocolEra' AS era FROM probe_run WHERE service_id = $1 ORDER BY started_at DESC LIMIT 1`,
    serviceId,
  );
  const row = rows[0];
  return { version: row?.protocol_version ?? null, era: row?.era ?? null };
}
