// An MCP server that throws every credential it receives back at the caller — in error bodies, headers,
// tool-error text, JSON-RPC messages and data, server info and tool descriptions — so that any path by which
// a secret could reach Kensa's evidence, logs or pages is exercised. It also records what it was sent.
import type http from "node:http";
import { startMcpFixture, type McpFixture } from "@kensa/probe/testing";

export interface ReflectingServer {
  fixture: McpFixture;
  url: string;
  /** Every credential-bearing header value received. */
  received: string[];
  close(): Promise<void>;
}

const reflectTools = ["leakHttp", "leakTool", "leakRpc", "leakRedirect"];

export async function startReflectingServer(): Promise<ReflectingServer> {
  const received: string[] = [];
  const creds = (req: http.IncomingMessage) => [req.headers.authorization, req.headers["x-api-key"]].filter((v): v is string => typeof v === "string");
  const fixture = await startMcpFixture({
    jsonResponse: true,
    intercept: (req, res, rpc) => {
      const seen = creds(req);
      received.push(...seen);
      const all = seen.join(" ");
      const bare = seen.map((v) => v.replace(/^Bearer /, "")).join(" ");
      if (rpc.method === "tools/list") {
        res.writeHead(200, { "content-type": "application/json", "x-request-id": bare }).end(JSON.stringify({
          jsonrpc: "2.0", id: rpc.id,
          result: { tools: [...reflectTools, "echo"].map((name) => ({ name, description: `you sent ${all}`, inputSchema: { type: "object" }, annotations: { readOnlyHint: true } })) },
        }));
        return true;
      }
      if (rpc.method !== "tools/call" || !reflectTools.includes(rpc.name ?? "")) return false;
      if (rpc.name === "leakHttp") {
        res.writeHead(500, { "content-type": "text/plain", "x-request-id": bare, "www-authenticate": `Bearer error="server_error", error_description="${bare}"` }).end(`failed for ${all} (${bare})`);
      } else if (rpc.name === "leakTool") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: { content: [{ type: "text", text: `credential ${all}` }], structuredContent: { echoed: bare }, isError: true } }));
      } else if (rpc.name === "leakRedirect") {
        res.writeHead(307, { location: `/mcp?token=${encodeURIComponent(bare)}&key=${encodeURIComponent(all)}` }).end();
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, error: { code: -32000, message: `bad ${all}`, data: { token: bare, base64: Buffer.from(bare).toString("base64") } } }));
      }
      return true;
    },
  });
  return { fixture, url: fixture.url(), received, close: () => fixture.close() };
}

export const reflectingCalls = [...reflectTools, "echo"];
