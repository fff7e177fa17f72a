// kensa token create|list|revoke — API tokens for write actions (re-probe, catalogue changes).
// The token is printed once; only its hash is stored. The embedded database has one owner process:
// stop kensa start first, or use the admin token it wrote to .kensa/admin-token.
import { parseArgs } from "node:util";
import { TokenScope } from "@kensa/core";
import { createApiToken, databaseConfigFrom, listApiTokens, openDatabase, parseDatabaseEnv, recordAudit, revokeApiToken } from "@kensa/db";
import { UsageError, type Command } from "../command";

export const tokenCommand: Command = {
  name: "token",
  summary: "create, list or revoke API tokens for write actions (re-probe, reported outcomes)",
  usage: "kensa token create --name NAME --scope SCOPE [--scope …] | kensa token list | kensa token revoke ID\n  scopes: reprobe:<service-id>, reprobe:*, catalogue:*, report (file reported outcomes: MCP report_outcome, OTLP /v1/traces), admin",
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { name: { type: "string" }, scope: { type: "string", multiple: true } } });
    const [action, id] = positionals;
    if (action !== "create" && action !== "list" && action !== "revoke") throw new UsageError(`expected create, list or revoke, got ${action ? `"${action}"` : "nothing"}`);
    if (action === "create") {
      if (!values.name) throw new UsageError("create needs --name");
      const scopes = values.scope ?? [];
      if (scopes.length === 0) throw new UsageError("create needs at least one --scope");
      for (const scope of scopes) {
        const parsed = TokenScope.safeParse(scope);
        if (!parsed.success) throw new UsageError(`--scope "${scope}": ${parsed.error.issues[0]?.message}`);
      }
    }
    if (action === "revoke" && !id) throw new UsageError("revoke needs the token's id (kensa token list shows it)");
    const db = await openDatabase(databaseConfigFrom(parseDatabaseEnv()));
    try {
      switch (action) {
        case "create": {
          const issued = await createApiToken(db, { name: values.name!, scopes: values.scope! });
          await recordAudit(db, { actor: "cli", action: "token.created", target: issued.id, details: { name: issued.name, scopes: issued.scopes } });
          console.log(`token ${issued.id} (${issued.name}; ${issued.scopes.join(", ")}) — shown once, store it now:\n${issued.token}`);
          return 0;
        }
        case "list":
          for (const t of await listApiTokens(db)) {
            console.log(`${t.id}  ${t.name.padEnd(20)} ${t.scopes.join(",").padEnd(24)} ${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `last used ${t.lastUsedAt?.toISOString() ?? "never"}`}`);
          }
          return 0;
        case "revoke": {
          const revoked = await revokeApiToken(db, id!);
          if (revoked) await recordAudit(db, { actor: "cli", action: "token.revoked", target: id! });
          console.log(revoked ? `revoked ${id}` : `no active token ${id}`);
          return revoked ? 0 : 1;
        }
      }
    } finally {
      await db.close();
    }
  },
};
