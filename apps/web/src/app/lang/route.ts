// The language switch: remember the choice in a cookie and go back to the page it was made on.
import { errorResponse } from "../../api/respond";
import { isLang, langCookie } from "../../i18n/lang";
import { safeLocalPath } from "../../lib/safe-path";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const url = new URL(request.url);
  const to = url.searchParams.get("to");
  const next = safeLocalPath(url.searchParams.get("next"));
  if (!isLang(to)) {
    return errorResponse({ code: "bad_request", message: "invalid to: expected en or ja", parameter: "to", expected: "en or ja" });
  }
  const secure = url.protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: { Location: next, "Set-Cookie": `${langCookie}=${to}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`, "Cache-Control": "no-store" },
  });
}
