// Every page gets a fresh nonce: Next reads it from the request's CSP header and puts it on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { isDevelopmentBuild } from "./config/build-mode";
import { newNonce, pageContentSecurityPolicy } from "./security/csp";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageContentSecurityPolicy(nonce, { dev: isDevelopmentBuild });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Server components cannot see the URL: the language switch needs it to return the reader where they were.
  requestHeaders.set("x-kensa-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|v1/traces|mcp$|.well-known/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
