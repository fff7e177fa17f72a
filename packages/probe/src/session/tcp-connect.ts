// The "connect" step of an HTTP target: resolve the host under the address policy, open TCP (and TLS for
// https), then close. It separates "cannot reach / refused by policy / bad certificate" from what the MCP
// exchange says, and costs one connection.
import net from "node:net";
import tls from "node:tls";
import type { StepOutcome } from "@kensa/core";
import { decideAddress, isIpLiteral, normaliseHost, type AddressPolicy } from "../net/address-policy";
import { AddressRefusedError, guardedLookup } from "../net/guarded-lookup";
import type { Redactor } from "../evidence/redactor";

export function tcpConnect(url: URL, policy: AddressPolicy, timeoutMs: number, redactor: Redactor, signal: AbortSignal): Promise<StepOutcome> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve({ kind: "blocked", reason: "scheme-not-allowed", detail: `scheme ${url.protocol} is not http or https` });
  }
  const host = normaliseHost(url.hostname);
  if (isIpLiteral(host)) {
    const decision = decideAddress(policy, url.hostname, host);
    if (!decision.ok) return Promise.resolve({ kind: "blocked", reason: "private-address", detail: decision.reason });
  }
  const secure = url.protocol === "https:";
  const port = Number(url.port || (secure ? 443 : 80));
  return new Promise((resolve) => {
    const options = { host, port, lookup: guardedLookup(policy) };
    const socket = secure ? tls.connect({ ...options, servername: isIpLiteral(host) ? undefined : host, ALPNProtocols: ["http/1.1"] }) : net.connect(options);
    let done = false;
    const finish = (outcome: StepOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: "timeout", phase: "deadline", limitMs: timeoutMs });
    const timer = setTimeout(() => finish({ kind: "timeout", phase: "connect", limitMs: timeoutMs }), timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    socket.once(secure ? "secureConnect" : "connect", () => finish({ kind: "ok" }));
    socket.once("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof AddressRefusedError) return finish({ kind: "blocked", reason: "private-address", detail: error.detail });
      finish({ kind: "network-error", code: error.code ?? "ERR_NETWORK", message: redactor.redact(error.message) });
    });
  });
}
