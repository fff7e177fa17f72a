// `kensa mcp` as an agent launches it: the official SDK client spawns the command over stdio against a
// graded PostgreSQL database and gets the same tools and answers as /mcp, both protocol eras.
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestPostgresDatabase, seedDashboard, skipWithoutPostgres } from "@kensa/testkit";

const bin = fileURLToPath(new URL("../../bin/kensa.mjs", import.meta.url));
type Db = Awaited<ReturnType<typeof openTestPostgresDatabase>>;

describe.skipIf(skipWithoutPostgres())("kensa mcp over stdio", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestPostgresDatabase();
    await seedDashboard(db, { ids: ["chatwork", "freee", "slack"], days: 7, endDay: "2026-11-20" });
  });
  afterAll(async () => {
    await db?.close();
  });

  it.for(["legacy", "auto"] as const)("serves the read tools to a %s-era client, with links to the configured dashboard", async (mode) => {
    const client = new Client({ name: "kensa-test-agent", version: "1.0.0" }, mode === "auto" ? { versionNegotiation: { mode: "auto" } } : {});
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, "mcp"],
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: db.url, KENSA_PUBLIC_URL: "https://kensa.example.com" },
      stderr: "pipe",
    });
    await client.connect(transport);
    try {
      expect(client.getProtocolEra()).toBe(mode === "auto" ? "modern" : "legacy");
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["search_services", "get_service", "compare_services", "get_trends", "get_methodology"]);
      const slack = (await client.callTool({ name: "get_service", arguments: { id: "slack" } })) as { isError?: boolean; structuredContent: { grade: { grade: string } | null; links: { page: string }; dataSource: { simulated: boolean } } };
      expect(slack.isError).toBeFalsy();
      expect(slack.structuredContent.grade?.grade).toMatch(/^(AAA|AA|A|BBB|BB|B|C|D)$/);
      expect(slack.structuredContent.links.page).toBe("https://kensa.example.com/services/slack");
      expect(slack.structuredContent.dataSource.simulated).toBe(true);
      const unknown = (await client.callTool({ name: "get_service", arguments: { id: "nope" } })) as { isError?: boolean; content: { text: string }[] };
      expect(unknown.isError).toBe(true);
      expect(unknown.content[0]!.text).toMatch(/"id".*"nope".*search_services/s);
    } finally {
      await client.close();
    }
  });
});
