// kensa mcp — Kensa's MCP server over stdio, for agents that launch their servers as processes: the same
// tools and resources as /mcp on the dashboard, read from this machine's database (DATABASE_URL, or the
// embedded one in ./.kensa — which has one owner process, so not while `kensa start` runs on it).
import { parseArgs } from "node:util";
import { databaseConfigFrom, openDatabase, parseDatabaseEnv } from "@kensa/db";
import { serveKensaMcpStdio } from "@kensa/mcp";
import type { Command } from "../command";
import { parseMcpEnv } from "../config";

export const mcpCommand: Command = {
  name: "mcp",
  summary: "serve Kensa's MCP server (search_services, get_service, …) over stdio",
  usage: "kensa mcp   (DATABASE_URL or the embedded database; KENSA_PUBLIC_URL for links, default http://localhost:$PORT)",
  async run(argv) {
    parseArgs({ args: argv, strict: true, options: {} });
    const env = parseMcpEnv();
    const db = await openDatabase(databaseConfigFrom(parseDatabaseEnv()), { migrations: "verify" });
    // stdout carries the protocol: anything we have to say goes to stderr.
    const { webMcpReads, mcpTools } = await import("@kensa/web/server");
    const closed = new Promise<void>((resolve) => {
      process.stdin.once("end", resolve);
      process.stdin.once("close", resolve);
    });
    const handle = serveKensaMcpStdio({
      reads: webMcpReads(db),
      tools: mcpTools(async () => db),
      origin: env.KENSA_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      onerror: (error) => console.error(`kensa mcp: ${error.message}`),
    });
    try {
      await closed;
      return 0;
    } finally {
      await handle.close();
      await db.close();
    }
  },
};
