import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLimits } from "../limits";
import { Redactor } from "../evidence/redactor";
import { startHttpFixture, type HttpFixture } from "../__tests__/fixtures/http-fixture";
import { createGuardedFetch } from "./guarded-fetch";
import { createAgents, type FetchContext } from "./send-once";
import { Wire, WireError } from "./wire";

const limits = resolveLimits({ requestTimeoutMs: 800, maxStreamMs: 600, maxResponseBytes: 64 * 1024, maxSseEvents: 20, maxJsonDepth: 50, maxRedirects: 3 });

function context(allowHosts = ["127.0.0.1"]): FetchContext {
  return { policy: { allowPrivate: false, allowHosts }, limits, wire: new Wire(), redactor: new Redactor(), agents: createAgents(), listenStreamMs: 600, listenAffectsSteps: false };
}

async function failureOf(ctx: FetchContext, url: string, init?: RequestInit) {
  const step = ctx.wire.beginStep();
  const started = performance.now();
  const fetch = createGuardedFetch(ctx, { role: () => "check" });
  let error: unknown;
  try {
    const response = await fetch(url, init);
    await response.text();
  } catch (e) {
    error = e;
  }
  ctx.wire.endStep();
  return { error, failure: step.failure, exchanges: step.exchanges, ms: performance.now() - started };
}

let server: HttpFixture;
beforeAll(async () => {
  server = await startHttpFixture((req, res) => {
    const path = req.url ?? "/";
    if (path === "/ok") return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    if (path === "/huge") {
      res.writeHead(200, { "content-type": "application/json" });
      const block = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => { while (sent < 50 && res.write(block)) sent++; if (sent < 50) res.once("drain", pump); else res.end(); };
      return pump();
    }
    if (path === "/endless-sse") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const timer = setInterval(() => res.write(": keep-alive\n\n"), 20);
      return res.on("close", () => clearInterval(timer));
    }
    if (path === "/many-events") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let i = 0; i < 100; i++) res.write(`event: message\ndata: {"n":${i}}\n\n`);
      return;
    }
    if (path === "/drip") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      const timer = setInterval(() => res.write("{"), 200);
      return res.on("close", () => clearInterval(timer));
    }
    if (path === "/utf8") return res.writeHead(200, { "content-type": "application/json" }).end(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    if (path === "/deep") return res.writeHead(200, { "content-type": "application/json" }).end("[".repeat(10_000) + "]".repeat(10_000));
    if (path === "/to-metadata") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (path === "/to-private") return res.writeHead(307, { location: "http://10.0.0.1/" }).end();
    if (path === "/to-file") return res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (path.startsWith("/loop")) return res.writeHead(302, { location: `/loop${path.length}` }).end();
    if (path === "/drop") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"partial":');
      return setTimeout(() => res.socket?.destroy(), 20);
    }
    res.writeHead(404).end();
  });
});
afterAll(() => server.close());

describe("guarded fetch bounds", () => {
  it("returns a normal response untouched", async () => {
    const ctx = context();
    const response = await createGuardedFetch(ctx, { role: () => "check" })(server.url("/ok"));
    expect(await response.json()).toEqual({ ok: true });
  });

  it("cuts a 50 MB body at the byte bound and records too-large", async () => {
    const r = await failureOf(context(), server.url("/huge"));
    expect(r.error).toBeInstanceOf(WireError);
    expect(r.failure).toMatchObject({ kind: "protocol-violation", violation: "too-large", httpStatus: 200 });
    expect(r.exchanges[0]!.bodyBytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("ends an endless event stream at the stream duration bound", async () => {
    const r = await failureOf(context(), server.url("/endless-sse"));
    expect(r.failure).toEqual({ kind: "timeout", phase: "stream", limitMs: 600 });
    expect(r.ms).toBeLessThan(5_000);
  });

  it("ends an event stream at the event count bound", async () => {
    const r = await failureOf(context(), server.url("/many-events"));
    expect(r.failure).toMatchObject({ kind: "protocol-violation", violation: "too-many-events" });
  });

  it("ends a body dripping a byte at a time at the request bound", async () => {
    const r = await failureOf(context(), server.url("/drip"));
    expect(r.failure).toEqual({ kind: "timeout", phase: "request", limitMs: 800 });
  });

  it("refuses invalid UTF-8 and 10,000-deep JSON before anyone parses them", async () => {
    expect((await failureOf(context(), server.url("/utf8"))).failure).toMatchObject({ violation: "invalid-utf8" });
    expect((await failureOf(context(), server.url("/deep"))).failure).toMatchObject({ violation: "too-deep" });
  });

  it("refuses redirects into metadata and private addresses, other schemes, and endless redirect chains", async () => {
    const metadata = await failureOf(context(), server.url("/to-metadata"));
    expect(metadata.failure).toMatchObject({ kind: "blocked", reason: "redirect-to-private" });
    expect(metadata.exchanges).toHaveLength(1); // nothing was sent to 169.254.169.254
    expect((await failureOf(context(), server.url("/to-private"))).failure).toMatchObject({ kind: "blocked", reason: "redirect-to-private" });
    expect((await failureOf(context(), server.url("/to-file"))).failure).toMatchObject({ kind: "blocked", reason: "scheme-not-allowed" });
    const loop = await failureOf(context(), server.url("/loop"));
    expect(loop.failure).toMatchObject({ kind: "blocked", reason: "too-many-redirects" });
    expect(loop.exchanges).toHaveLength(4);
  });

  it("refuses a loopback target that is not allow-listed before sending a byte", async () => {
    const r = await failureOf(context([]), server.url("/ok"));
    expect(r.failure).toMatchObject({ kind: "blocked", reason: "private-address" });
    const named = await failureOf(context([]), `http://localhost:${server.port}/ok`);
    expect(named.failure).toMatchObject({ kind: "blocked", reason: "private-address" });
  });

  it("allows private ranges with allowPrivate, but still not the metadata address", async () => {
    const ctx = { ...context([]), policy: { allowPrivate: true } };
    expect((await failureOf(ctx, server.url("/ok"))).failure).toBeUndefined();
    expect((await failureOf(ctx, server.url("/to-metadata"))).failure).toMatchObject({ kind: "blocked" });
  });

  it("records a dropped connection and a refused port as network errors", async () => {
    expect((await failureOf(context(), server.url("/drop"))).failure).toMatchObject({ kind: "network-error", code: "ECONNRESET" });
    const closed = await startHttpFixture(() => undefined);
    await closed.close();
    expect((await failureOf(context(), closed.url("/"))).failure).toMatchObject({ kind: "network-error", code: "ECONNREFUSED" });
  });
});
