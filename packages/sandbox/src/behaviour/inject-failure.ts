// Injected failures that happen below the MCP layer, each with the evidence a real server would give:
// 5xx with or without a JSON-RPC body, 429 with or without Retry-After, a hang, a cut connection, a
// malformed answer, a revoked token, a missing scope. Tool-level failures are the MCP server's business.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InjectedErrorClass } from "@kensa/core";
import { sendJson, sendText } from "../util/http";
import type { Fleet, ServiceRuntime } from "../fleet/service-runtime";
import type { ToolFailure } from "../mcp/build-server";

export type HttpFailure = Exclude<InjectedErrorClass, ToolFailure>;

export function isToolFailure(cls: InjectedErrorClass): cls is ToolFailure {
  return cls === "invalid_input" || cls === "not_found";
}

/** Waits `ms` unless the client goes away or the fleet closes first; true when the response is still open. */
export function holdOpen(ms: number, res: ServerResponse, fleet: Fleet): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off("close", done);
      fleet.pending.delete(done);
      resolve(!res.destroyed && !res.writableEnded);
    };
    const timer = setTimeout(done, ms);
    res.on("close", done);
    fleet.pending.add(done);
  });
}

/** Answers the request with the failure; returns false when the request should go on (a timeout that ended). */
export async function injectHttpFailure(cls: HttpFailure, req: IncomingMessage, res: ServerResponse, rt: ServiceRuntime, fleet: Fleet, rpcId: unknown): Promise<boolean> {
  const structured = rt.profile.errorShape === "structured";
  switch (cls) {
    case "server_error":
      if (structured) sendJson(res, 500, { jsonrpc: "2.0", id: rpcId ?? null, error: { code: -32603, message: "Internal error", data: { errorClass: "server_error", retryable: true } } });
      else sendText(res, 500, "Internal Server Error");
      return true;
    case "rate_limited": {
      const headers: Record<string, string> = rt.profile.rateLimit?.retryAfter === false ? {} : { "retry-after": "2" };
      if (structured) sendJson(res, 429, { error: "rate_limited", error_description: "Too many requests" }, headers);
      else sendText(res, 429, "Too Many Requests", headers);
      return true;
    }
    case "timeout":
      // Hold the request; a client with a shorter timeout gives up first. Afterwards it is merely slow.
      return !(await holdOpen(fleet.options.hangMs, res, fleet));
    case "network_error":
      req.socket.destroy();
      return true;
    case "protocol_error": {
      const cut = `{"jsonrpc":"2.0","id":${JSON.stringify(rpcId ?? null)},"result":{"content":[{"type":"text","text":"`;
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(cut) });
      res.end(cut);
      return true;
    }
    case "auth_invalid":
      sendJson(res, 401, { error: "invalid_token", error_description: "The access token has been revoked" }, { "www-authenticate": `Bearer error="invalid_token", error_description="The access token has been revoked"` });
      return true;
    case "auth_forbidden":
      sendJson(res, 403, { error: "insufficient_scope", error_description: "The token lacks the scope this tool needs" }, { "www-authenticate": `Bearer error="insufficient_scope", scope="mcp:read mcp:admin"` });
      return true;
  }
}
