// The pages' Content-Security-Policy, built per request by src/proxy.ts. Scripts run only with the nonce
// ('strict-dynamic' lets Next's own chunks load); inline *styles* stay allowed because charts set style
// attributes (a nonce in style-src would disable 'unsafe-inline'). The other headers are in next.config.ts.

export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("a CSP nonce must be at least 16 base64 characters");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
