// Searching text for planted secrets in every form they could be stored in: as is, base64, base64url,
// URL-encoded, and their halves (an excerpt cut in the middle of a secret still leaks half of it).
import type { Database } from "@kensa/db";

export function secretForms(secret: string): string[] {
  const half = Math.ceil(secret.length / 2);
  return [
    secret,
    Buffer.from(secret).toString("base64").replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
    encodeURIComponent(secret),
    secret.slice(0, half),
    secret.slice(half),
  ].filter((f) => f.length >= 12);
}

/** Each planted secret form found in `text`, described (never the secret itself: the report is a log too). */
export function findPlanted(text: string, secrets: string[]): string[] {
  const found: string[] = [];
  secrets.forEach((secret, i) => {
    secretForms(secret).forEach((form, j) => {
      const at = text.indexOf(form);
      if (at >= 0) found.push(`secret #${i} form #${j} at offset ${at}: …${text.slice(Math.max(0, at - 40), at).replace(/\s+/g, " ")}[…]`);
    });
  });
  return found;
}

/** Every row of every table in the public schema, as one JSON text. */
export async function textOfAllTables(db: Database): Promise<{ text: string; tables: string[] }> {
  const tables = (await db.sql.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  )).map((t) => t.table_name);
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.sql.query(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
    parts.push(`${table}: ${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  }
  return { text: parts.join("\n"), tables };
}
