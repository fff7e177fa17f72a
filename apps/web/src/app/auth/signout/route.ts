import { sessionCookieName } from "../../../server/session-cookie";

export const dynamic = "force-dynamic";

export function POST(): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: "/", "Cache-Control": "no-store", "Set-Cookie": `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict` },
  });
}
