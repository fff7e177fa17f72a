// kensa audit — our own actions, newest first: re-probes (and refusals), tokens, sign-ins, catalogue syncs,
// methodology changes, grade changes. Filter by target or action.
import { parseArgs } from "node:util";
import { databaseConfigFrom, listAudit, openDatabase, parseDatabaseEnv } from "@kensa/db";
import { UsageError, type Command } from "../command";

export const auditCommand: Command = {
  name: "audit",
  summary: "show the audit trail of Kensa's own actions (re-probes, tokens, syncs, grade changes)",
  usage: "kensa audit [--target ID] [--action NAME] [--limit N] [--json]",
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { target: { type: "string" }, action: { type: "string" }, limit: { type: "string", default: "50" }, json: { type: "boolean" } } });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit expects a whole number from 1 to 10000, got "${values.limit}"`);
    const db = await openDatabase(databaseConfigFrom(parseDatabaseEnv()));
    try {
      const events = await listAudit(db, { ...(values.target ? { target: values.target } : {}), ...(values.action ? { action: values.action } : {}), limit });
      if (values.json) {
        console.log(JSON.stringify(events.map((e) => ({ ...e, id: String(e.id) })), null, 2));
        return 0;
      }
      for (const e of events) console.log(`${e.at.toISOString()}  ${e.action.padEnd(22)} ${(e.target ?? "-").padEnd(24)} ${e.actor}  ${JSON.stringify(e.details)}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
