// The usual security-header checks (what securityheaders.com and Mozilla Observatory grade), as data:
// each response gets a list of problems, empty when it would score the top grade.

export type ResponseKind = "page" | "api";

const strictReferrers = new Set(["no-referrer", "strict-origin", "strict-origin-when-cross-origin", "same-origin"]);

export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

export function headerProblems(headers: Headers, kind: ResponseKind): string[] {
  const problems: string[] = [];
  const csp = headers.get("content-security-policy");
  if (!csp) problems.push("no Content-Security-Policy");
  else {
    const d = parseCsp(csp);
    const scripts = d.get("script-src") ?? d.get("default-src") ?? [];
    if (kind === "page") {
      if (!d.has("script-src") && !d.has("default-src")) problems.push("CSP sets no script source");
      if (scripts.includes("'unsafe-inline'")) problems.push("CSP allows inline scripts ('unsafe-inline')");
      if (scripts.includes("'unsafe-eval'")) problems.push("CSP allows eval ('unsafe-eval')");
      if (scripts.some((s) => s === "*" || s === "http:" || s === "https:" || s === "data:")) problems.push(`CSP allows scripts from anywhere (${scripts.join(" ")})`);
      if (d.get("object-src")?.join(" ") !== "'none'") problems.push("CSP object-src is not 'none'");
      if (!d.has("base-uri")) problems.push("CSP has no base-uri");
    } else if (d.get("default-src")?.join(" ") !== "'none'") problems.push("API CSP default-src is not 'none'");
    const ancestors = d.get("frame-ancestors")?.join(" ");
    if (ancestors !== "'none'" && ancestors !== "'self'") problems.push(`CSP frame-ancestors is ${ancestors ?? "missing"}`);
  }
  const hsts = headers.get("strict-transport-security") ?? "";
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
  if (maxAge < 31_536_000) problems.push(`HSTS max-age ${maxAge} (want ≥ 1 year)`);
  if (!/includesubdomains/i.test(hsts)) problems.push("HSTS without includeSubDomains");
  if (headers.get("x-content-type-options")?.toLowerCase() !== "nosniff") problems.push("X-Content-Type-Options is not nosniff");
  if (!strictReferrers.has((headers.get("referrer-policy") ?? "").toLowerCase())) problems.push(`Referrer-Policy is ${headers.get("referrer-policy") ?? "missing"}`);
  if (!/^(deny|sameorigin)$/i.test(headers.get("x-frame-options") ?? "")) problems.push(`X-Frame-Options is ${headers.get("x-frame-options") ?? "missing"}`);
  if (!headers.get("permissions-policy")) problems.push("no Permissions-Policy");
  if (headers.get("x-powered-by")) problems.push(`X-Powered-By: ${headers.get("x-powered-by")}`);
  return problems;
}

/** Every <script> in a page carries the CSP's nonce (so nothing inline runs without it). */
export function scriptNonceProblems(html: string, csp: string): string[] {
  const nonce = /'nonce-([^']+)'/.exec(parseCsp(csp).get("script-src")?.join(" ") ?? "")?.[1];
  if (!nonce) return ["the page CSP carries no script nonce"];
  const problems: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (/type="application\/(ld\+)?json"/i.test(tag)) continue;
    if (!tag.includes(`nonce="${nonce}"`)) problems.push(`script without the nonce: ${tag.slice(0, 120)}`);
  }
  if (/\son[a-z]+\s*=\s*["']/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ""))) problems.push("an inline event handler attribute (onclick=…) would need 'unsafe-inline'");
  return problems;
}

/** What an error page or error body must never show a reader. */
export function leakProblems(body: string, planted: string[] = []): string[] {
  const problems: string[] = [];
  if (/\bat [\w.<>[\] ]+ \(?[^)\s]*:\d+:\d+\)?/.test(body)) problems.push("a stack trace");
  if (/\/(work|home|root|usr|tmp|app)\/[\w.-]+\//.test(body) || /node_modules|\.tsx?:\d+/.test(body)) problems.push("a file path");
  if (/ECONNREFUSED|PrismaClient|prisma\.|postgres(ql)?:\/\/|SELECT .* FROM/i.test(body)) problems.push("database internals");
  for (const secret of planted) if (body.includes(secret)) problems.push("a planted secret");
  return problems;
}
