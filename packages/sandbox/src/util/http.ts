// Small HTTP helpers for the fleet's node:http handlers: bounded body reads and typed replies.
import type { IncomingMessage, ServerResponse } from "node:http";

export const maxBodyBytes = 1024 * 1024;

/** The request body, or null when it exceeded `limit` (the caller answers 413). */
export async function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Form (application/x-www-form-urlencoded) or JSON body as a flat string map. */
export function parseParams(body: Buffer, contentType: string | undefined): Record<string, string> {
  const text = body.toString("utf8");
  if (contentType?.includes("application/json")) {
    try {
      const data = JSON.parse(text) as unknown;
      if (data && typeof data === "object" && !Array.isArray(data)) {
        return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === "string") as [string, string][]);
      }
    } catch {
      return {};
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function basicCredentialsOf(req: IncomingMessage): { id: string; secret: string } | undefined {
  const match = req.headers.authorization ? /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}
