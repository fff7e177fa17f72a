import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/kensa.mjs", import.meta.url));

describe("kensa sandbox", () => {
  it("prints its base URL, serves the fleet, and stops cleanly on Ctrl-C (SIGINT)", async () => {
    const child = spawn(process.execPath, [bin, "sandbox", "--port", "0", "--seed", "4", "--speed", "3600", "--token-for", "kintone"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no base URL within 30 s: ${stdout} ${stderr}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        const match = /simulated services on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match && stdout.includes("Ctrl-C")) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on("exit", (code) => reject(new Error(`exited early (${code}): ${stderr}`)));
    });
    expect(stdout).toMatch(/225 simulated services/);
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { ok: boolean; services: number };
    expect(health).toMatchObject({ ok: true, services: 225 });
    const auth = /kintone: \S+ {2}authorization: (Bearer \S+)/.exec(stdout)![1]!;
    const list = await fetch(`${baseUrl}/s/kintone/mcp`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } } }),
    });
    expect(list.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped/);
  });

  it("refuses a bad option value with exit 2", async () => {
    const child = spawn(process.execPath, [bin, "sandbox", "--speed", "fast"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(2);
    expect(stderr).toMatch(/--speed expects a clock speed/);
  });
});
