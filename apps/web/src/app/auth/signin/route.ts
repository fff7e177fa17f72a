// Sign-in with an API token: the token is checked, then only a signed cookie naming it is kept (HttpOnly,
// SameSite=Strict); the token itself never returns to the browser. Audited.
import { recordAudit, verifyApiToken } from "@kensa/db";
import { safeLocalPath } from "../../../lib/safe-path";
import { getDatabase } from "../../../server/database";
import { sessionCookieName, sessionLifetimeSec, signSession } from "../../../server/session-cookie";
import { sessionSecret } from "../../../server/session-secret";

export const dynamic = "force-dynamic";

const redirect = (location: string, cookie?: string) =>
  new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...(cookie ? { "Set-Cookie": cookie } : {}) } });

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  const next = safeLocalPath(String(form.get("next") ?? "/"));
  const origin = request.headers.get("origin");
  if (origin !== null && new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))) return redirect("/signin?error=origin");
  const db = await getDatabase();
  const token = await verifyApiToken(db, String(form.get("token") ?? "").trim());
  if (!token) return redirect(`/signin?error=invalid&next=${encodeURIComponent(next)}`);
  const now = Math.floor(Date.now() / 1000);
  const value = signSession(sessionSecret(), { tokenId: token.id, issuedAt: now, expiresAt: now + sessionLifetimeSec });
  await recordAudit(db, { actor: `token:${token.id}`, action: "session.signin", target: token.name });
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return redirect(next, `${sessionCookieName}=${value}; Path=/; Max-Age=${sessionLifetimeSec}; HttpOnly; SameSite=Strict${secure}`);
}
