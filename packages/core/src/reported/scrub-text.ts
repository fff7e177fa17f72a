// Free text an agent leaves (a workaround) is stored and shown to everyone, so secrets and personal data are
// cut out before it is stored. One ordered rule table; earlier rules win (a bearer token is redacted as a
// token before the generic long-secret rule sees it). The text is NFKC-normalised first so full-width digits
// and letters (０９０－１２３４－５６７８, common in Japanese text) meet the same rules as ASCII.
//
//   rule          matches                                                    becomes
//   bearer        "Bearer <token>"                                           Bearer [redacted:token]
//   jwt           three base64url parts starting eyJ                         [redacted:token]
//   key-prefix    sk-, sk_live_, pk_live_, rk_, ghp_, github_pat_, xox?-, AKIA…, AIza…, glpat-, kensa_ …  [redacted:api-key]
//   key-value     api_key= / token: / secret= / password= / access_token= …  <name>=[redacted:api-key]
//   email         local@domain.tld                                           [redacted:email]
//   my-number     12 digits, alone or 4-4-4 grouped (個人番号)                 [redacted:my-number]
//   phone         +CC international; Japanese 0X… 10–11 digits (hyphens, spaces, brackets); (NNN) NNN-NNNN  [redacted:phone]
//   long-secret   32+ chars of [A-Za-z0-9_-] mixing letters and digits        [redacted:secret]
// Dates ("2026-12-06"), latencies ("1500 ms") and HTTP statuses stay: they are what makes a workaround useful.

export const ScrubKind = ["token", "api-key", "email", "my-number", "phone", "secret"] as const;
export type ScrubKind = (typeof ScrubKind)[number];

interface Rule {
  kind: ScrubKind;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const digits = (s: string) => s.replace(/\D/g, "").length;

const rules: readonly Rule[] = [
  { kind: "token", pattern: /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, replace: () => "Bearer [redacted:token]" },
  { kind: "token", pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: () => "[redacted:token]" },
  {
    kind: "api-key",
    pattern: /\b(?:sk|pk|rk)[-_](?:live_|test_|proj-|ant-)?[A-Za-z0-9_-]{12,}|\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\bAKIA[0-9A-Z]{16}\b|\bAIza[0-9A-Za-z_-]{30,}|\bglpat-[A-Za-z0-9_-]{16,}|\bkensa_[A-Za-z0-9_-]{16,}/g,
    replace: () => "[redacted:api-key]",
  },
  {
    kind: "api-key",
    pattern: /\b((?:x-)?api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|client[_-]?secret|secret|token|password|passwd|pwd)(\s*["']?\s*[:=]\s*["']?)(?!\[redacted|Bearer\b)([^\s"',;&]{4,})/gi,
    replace: (_m, name: string, sep: string) => `${name}${sep}[redacted:api-key]`,
  },
  { kind: "email", pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, replace: () => "[redacted:email]" },
  { kind: "my-number", pattern: /(?<![\d+-])\d{4}([-\s]?)\d{4}\1\d{4}(?![\d-])/g, replace: () => "[redacted:my-number]" },
  {
    kind: "phone",
    pattern: /(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{1,4}){1,4}(?!\d)/g,
    replace: (m) => (digits(m) >= 8 && digits(m) <= 15 ? "[redacted:phone]" : m),
  },
  {
    kind: "phone",
    pattern: /(?<![\d-])(?:0\d{1,4}[-\s]?\(?\d{1,4}\)?[-\s]?\d{3,4}|\(0\d{1,4}\)\s?\d{1,4}[-\s]?\d{3,4})(?![\d-])/g,
    replace: (m) => (digits(m) === 10 || digits(m) === 11 ? "[redacted:phone]" : m),
  },
  { kind: "phone", pattern: /(?<!\d)\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)|(?<![\d-])\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])/g, replace: () => "[redacted:phone]" },
  {
    kind: "secret",
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
    replace: (m) => (/[A-Za-z]/.test(m) && /\d/.test(m) ? "[redacted:secret]" : m),
  },
];

export interface ScrubResult {
  text: string;
  /** How many of each kind were cut out: shown to the reporter, so they know their text changed. */
  redactions: Partial<Record<ScrubKind, number>>;
}

/** The text with secrets and personal data replaced by [redacted:<kind>]; control characters but newline and tab dropped. */
export function scrubText(input: string): ScrubResult {
  // eslint-disable-next-line no-control-regex
  let text = input.normalize("NFKC").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  const redactions: Partial<Record<ScrubKind, number>> = {};
  for (const rule of rules) {
    text = text.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const groups = args.slice(1).filter((a): a is string => typeof a === "string");
      const out = rule.replace(match, ...groups);
      if (out !== match) redactions[rule.kind] = (redactions[rule.kind] ?? 0) + 1;
      return out;
    });
  }
  return { text: text.trim(), redactions };
}
