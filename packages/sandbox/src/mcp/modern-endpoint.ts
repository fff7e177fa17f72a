// The 2026-07-28 leg of a sandbox service: the v2 SDK's createMcpHandler in strict modern mode (legacy
// "reject"), made once per service on its first modern request. For a dual service the endpoint routes
// legacy-classified requests to the v1 initialize-era server beside it (the SDK's own predicate decides, so
// the routing can never disagree with the SDK); a modern-only service sends everything here, where an
// initialize is refused with the unsupported-protocol-version error naming 2026-07-28.
import type { IncomingMessage, ServerResponse } from "node:http";
import { toNodeHandler, toWebRequest } from "@modelcontextprotocol/node";
import { createMcpHandler, isLegacyRequest, type AuthInfo } from "@modelcontextprotocol/server";
import type { ServiceRuntime } from "../fleet/service-runtime";
import { buildModernMcpServer, type ToolFailure } from "./build-server";

/** Per-request inputs the factory reads back from the handler's pass-through auth info. */
interface ModernExtra {
  scope: string;
  injected: ToolFailure | null;
}

/** Whether this request belongs to the modern leg. Initialize-only services never pay for the question. */
export async function servesModern(rt: ServiceRuntime, req: IncomingMessage, body: unknown): Promise<boolean> {
  if (rt.eras[0] !== "modern") return false;
  if (!rt.eras.includes("initialize")) return true;
  return !(await isLegacyRequest(await toWebRequest(req, body), body));
}

export async function handleModern(req: IncomingMessage, res: ServerResponse, rt: ServiceRuntime, body: unknown, extra: ModernExtra): Promise<void> {
  rt.modernHandler ??= toNodeHandler(
    createMcpHandler(
      (ctx) => {
        const e = ctx.authInfo?.extra as ModernExtra | undefined;
        return buildModernMcpServer(rt, e?.scope ?? "", e?.injected ?? null);
      },
      // "auto" answers with one JSON body unless a message precedes the result (our tools send none): the json
      // profile's wire without the SDK's start-up warning that "json" drops mid-call notifications.
      { legacy: "reject", responseMode: rt.profile.responseMode === "sse" ? "sse" : "auto" },
    ),
  );
  const auth: AuthInfo = { token: "sandbox", clientId: rt.id, scopes: extra.scope.split(/\s+/), extra: { ...extra } };
  await rt.modernHandler(Object.assign(req, { auth }), res, body);
}
