// The reader's language: the kensa_lang cookie set by the switch, else the browser's Accept-Language.
import { en, type Messages } from "./messages-en";
import { ja } from "./messages-ja";

export const languages = ["en", "ja"] as const;
export type Lang = (typeof languages)[number];
export const langCookie = "kensa_lang";

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "ja";
}

export function pickLang(cookie: string | undefined, acceptLanguage: string | null): Lang {
  if (isLang(cookie)) return cookie;
  const first = (acceptLanguage ?? "").split(",").map((p) => p.trim().split(";")[0]!.toLowerCase()).find(Boolean);
  return first?.startsWith("ja") ? "ja" : "en";
}

export function messages(lang: Lang): Messages {
  return lang === "ja" ? ja : en;
}

/** A service's display name: Japanese where known and wanted. */
export function serviceName(lang: Lang, name: { en: string; ja: string | null }): string {
  return lang === "ja" && name.ja ? name.ja : name.en;
}

export function label(map: Record<string, string>, key: string): string {
  return map[key] ?? key.replace(/_/g, " ");
}
