// The last resort: an error known only by its words. Every class decided here is `inferred`. Order
// matters (an expired token is also "invalid"); Japanese phrasings sit beside English ones because the
// tracked vendors answer in both.
import type { ErrorClass } from "../taxonomy/error-classes";

interface TextRule {
  errorClass: ErrorClass;
  pattern: RegExp;
  says: string;
}

export const textRules: readonly TextRule[] = [
  { errorClass: "auth_expired", says: "an expired token", pattern: /(token|トークン|credential|session|セッション|認証)[^.。]{0,40}(expired|expir|期限切れ|有効期限)|(expired|期限切れ)[^.。]{0,40}(token|トークン)/i },
  { errorClass: "rate_limited", says: "a rate limit", pattern: /rate.?limit|too many requests|throttl|quota exceeded|レート制限|リクエスト(数)?が多すぎ|回数制限/i },
  { errorClass: "auth_forbidden", says: "a missing permission", pattern: /forbidden|permission denied|insufficient.?scope|missing.?scope|not (allowed|permitted)|access denied|権限がありません|権限が不足/i },
  { errorClass: "auth_invalid", says: "a rejected credential", pattern: /unauthori[sz]ed|unauthenticated|invalid[ _-]?(api[ _-]?key|token|credentials?|auth)|authentication (failed|required)|認証(に失敗|エラー|が必要)/i },
  { errorClass: "not_found", says: "something that does not exist", pattern: /not found|(does not|doesn't|no longer) exists?|no such|unknown tool|見つかりません|存在しません/i },
  { errorClass: "timeout", says: "a timeout", pattern: /timed? ?out|timeout|deadline exceeded|タイムアウト/i },
  { errorClass: "gateway_error", says: "a failing intermediary", pattern: /bad gateway|gateway time-?out|upstream (error|connect|timed)/i },
  { errorClass: "invalid_input", says: "invalid arguments", pattern: /invalid|required|must (be|have|contain)|validation|expected|malformed|missing|not a valid|不正|必須|形式/i },
  { errorClass: "server_error", says: "an internal failure", pattern: /internal (server )?error|unexpected error|exception|server error|内部エラー|システムエラー/i },
];

export interface TextMatch {
  errorClass: ErrorClass;
  decidedBy: string;
}

/** The first rule whose pattern the text matches; an unrecognised text is the server's failure. */
export function classifyText(text: string, what: string): TextMatch {
  const excerpt = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
  for (const rule of textRules) {
    if (rule.pattern.test(text)) return { errorClass: rule.errorClass, decidedBy: `${what} ${excerpt} reads as ${rule.says}` };
  }
  return { errorClass: "server_error", decidedBy: `${what} ${excerpt} matches no rule; an unexplained failure is the server's` };
}
