// On the very first start, the operator needs one credential for write actions (re-probe, new tokens) without
// stopping the embedded database's owner process: kensa start issues an admin token into a 0600 file.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { countApiTokens, createApiToken, recordAudit, type Database } from "@kensa/db";

export async function ensureAdminToken(db: Database, dataDir: string): Promise<string | null> {
  if ((await countApiTokens(db)) > 0) return null;
  const file = join(dataDir, "admin-token");
  if (existsSync(file)) return null;
  const issued = await createApiToken(db, { name: "kensa start (admin)", scopes: ["admin"] });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${issued.token}\n`, { mode: 0o600 });
  await recordAudit(db, { actor: "kensa start", action: "token.created", target: issued.id, details: { name: issued.name, scopes: issued.scopes, file } });
  return file;
}
