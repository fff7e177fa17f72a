import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "../index";
import { probeOptions } from "./fixtures/probe-options";

// An HTTPS server with a self-signed certificate: what a misconfigured vendor endpoint looks like.
describe("an HTTPS endpoint with a certificate no one vouches for", () => {
  let server: https.Server;
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kensa-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    server = https.createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails the connect step with the TLS error code, sending nothing", async () => {
    const result = await runProbe(probeOptions(url));
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ name: "connect", outcome: { kind: "network-error", code: "DEPTH_ZERO_SELF_SIGNED_CERT" } });
  });
});
