import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
const url = process.argv.at(-1);
const c = new Client({ name: "t", version: "1" }, { versionNegotiation: { mode: "auto" } });
c.onerror = (e) => console.error("onerror", e.message);
const t = new StreamableHTTPClientTransport(new URL(url));
try { await c.connect(t); console.error("era", c.getProtocolEra(), c.getNegotiatedProtocolVersion()); await c.listTools(); } catch (e) { console.error("ERR", e.message); }
await c.close();
