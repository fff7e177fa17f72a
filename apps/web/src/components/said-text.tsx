// Text that may be in another language than the page (stored English evidence on a Japanese page):
// marked with its own `lang` so screen readers and translators treat it right.
import type { Said } from "../i18n/grade-text";
import type { Lang } from "../i18n/lang";

export function SaidText({ said, page }: { said: Said; page: Lang }) {
  return said.lang === page ? <>{said.text}</> : <span lang={said.lang}>{said.text}</span>;
}
