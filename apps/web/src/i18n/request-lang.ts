// Server components read the language from the request (cookie, then Accept-Language).
import { cookies, headers } from "next/headers";
import { langCookie, messages, pickLang, type Lang } from "./lang";
import type { Messages } from "./messages-en";

export async function requestLang(): Promise<{ lang: Lang; t: Messages }> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  const lang = pickLang(c.get(langCookie)?.value, h.get("accept-language"));
  return { lang, t: messages(lang) };
}

/** The path and query of the current request (set by the proxy), for the language switch's return. */
export async function requestPath(): Promise<string> {
  return (await headers()).get("x-kensa-path") ?? "/";
}
