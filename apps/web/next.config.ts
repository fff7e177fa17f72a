// The dashboard and public API. PGlite loads .wasm/.data files by URL: Turbopack must leave it a Node
// package (STACK.md). Workspace packages ship TypeScript source. This file imports no local modules:
// a hosting server running under tsx cannot resolve them from Next's compiled config.
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Sent on every response; pages add a nonce CSP in src/proxy.ts (see src/security/csp.ts). */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** API responses are data, never documents to render: nothing may load from them. */
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const config: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bullmq", "ioredis"],
  transpilePackages: ["@kensa/core", "@kensa/db", "@kensa/mcp", "@kensa/services"],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      { source: "/v1/traces", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      { source: "/mcp", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      { source: "/.well-known/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default config;
