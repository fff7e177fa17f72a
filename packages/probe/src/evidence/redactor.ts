// Redaction at the point of capture: every string that becomes evidence passes through here first.
// Two layers: the exact secrets this probe knows (resolved credentials, tokens it was issued), and
// shapes that are secrets whoever owns them (bearer values, token fields, JWTs, secret query parameters).

const MASK = "[REDACTED]";
const MIN_SECRET_LENGTH = 4;

const shapes: Array<[RegExp, string]> = [
  // Authorization-style schemes followed by a credential (token68 with a digit or symbol in it, so prose
  // like "bearer authentication" and challenge params like `Bearer error="…"` stay readable).
  [/\b(Bearer|DPoP)(\s+)(?![A-Za-z0-9_-]+\s*=\s*["A-Za-z0-9])(?=[A-Za-z0-9\-._~+/]*[0-9.\-_~+/])[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1$2${MASK}`],
  [/\b(Basic)(\s+)(?![A-Za-z0-9_-]+\s*=\s*["A-Za-z0-9])[A-Za-z0-9+/]{8,}=*/g, `$1$2${MASK}`],
  // JSON members and form/query parameters whose name says they hold a secret.
  [
    /(\b(?:access_token|refresh_token|id_token|client_secret|api[_-]?key|apikey|password|passwd|secret|assertion|subject_token|code_verifier|authorization|x-api-key|token)\b["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic|DPoP|Token)\s)([^"'&\s,;}]{1,})/gi,
    `$1${MASK}`,
  ],
  // JWTs anywhere (header.payload.signature, base64url).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?/g, MASK],
];

/**
 * Every shape above needs one of these words in the text: one scan that rules them all out lets the common
 * case (a tool description, a header value, a URL) skip four regular-expression passes. A superset of the
 * shapes' triggers, case-insensitive; keep it in step when a shape is added.
 */
const mayHoldShape = /bearer|dpop|basic|token|secret|api[_-]?key|passw|assertion|verifier|authorization|eyJ/i;

export class Redactor {
  private readonly secrets = new Set<string>();
  /** The secrets longest first, so a secret containing another is masked whole; rebuilt when one is added. */
  private longestFirst: string[] = [];

  /** Remember a secret value (and its URL-encoded form) so it is masked wherever it appears. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.secrets.add(encoded);
    const basic = Buffer.from(secret).toString("base64");
    if (basic.length >= 8) this.secrets.add(basic);
    this.longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.longestFirst) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    if (!mayHoldShape.test(out)) return out;
    for (const [pattern, replacement] of shapes) out = out.replace(pattern, replacement);
    return out;
  }

  /** Every string inside a JSON-like value redacted (keys too): for what a server says about itself, such as its
   * tool definitions, which a hostile server can fill with the credential it was sent. Depth-bounded. */
  redactDeep<T>(value: T, depth = 0): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (depth > 64 || typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v, depth + 1)) as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.redact(k), this.redactDeep(v, depth + 1)])) as T;
  }

  /** A URL as evidence: no userinfo, secret-looking query values masked, no fragment. */
  redactUrl(url: URL | string): string {
    let parsed: URL;
    try {
      parsed = new URL(String(url));
    } catch {
      return this.redact(String(url));
    }
    parsed.username = "";
    parsed.password = "";
    parsed.hash = "";
    return this.redact(parsed.toString());
  }

  /**
   * Redact, then cut to `max` characters with a marker. `truncated` says the text is a prefix of
   * something longer: a secret cut in half at its end is masked too.
   */
  excerpt(text: string, max: number, truncated = false): string {
    let clean = this.redact(text);
    if (truncated) clean = this.maskTrailingPartial(clean);
    return clean.length > max ? `${clean.slice(0, max)}…[+${clean.length - max} chars]` : clean;
  }

  private maskTrailingPartial(text: string): string {
    for (const secret of this.secrets) {
      for (let n = Math.min(secret.length - 1, text.length); n >= MIN_SECRET_LENGTH; n--) {
        if (text.endsWith(secret.slice(0, n))) return `${text.slice(0, text.length - n)}${MASK}`;
      }
    }
    return text;
  }
}
