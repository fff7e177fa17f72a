// The key that signs session cookies and CSRF tokens: KENSA_SESSION_SECRET when set (several web processes
// must share it), otherwise a random one kept in the data folder with mode 0600.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { webEnv } from "../config/web-env";

let cached: Buffer | undefined;

export function sessionSecret(): Buffer {
  if (cached) return cached;
  const { KENSA_SESSION_SECRET: fromEnv, KENSA_DATA_DIR: dataDir } = webEnv();
  if (fromEnv !== undefined) return (cached = Buffer.from(fromEnv));
  const file = join(dataDir, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return (cached = Buffer.from(readFileSync(file, "utf8").trim()));
}
