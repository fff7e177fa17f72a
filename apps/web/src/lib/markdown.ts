// Markdown to HTML for documents from the repository. Raw HTML in the source is escaped (html: false),
// so the rendered page carries no script or inline handler whatever the document says.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Headings get ids so sections (and the changelog) can be linked to.
md.core.ruler.push("heading_ids", (state) => {
  const seen = new Map<string, number>();
  state.tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const text = state.tokens[i + 1]?.content ?? "";
    const base = text.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "section";
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    token.attrSet("id", n === 0 ? base : `${base}-${n}`);
  });
});

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The document's first "Version" line or a vN.N.N mention near the top, for the page header. */
export function documentVersion(source: string): string | null {
  const head = source.split("\n").slice(0, 30).join("\n");
  return /version[^\n]*?\b(v?\d+\.\d+(?:\.\d+)?)/i.exec(head)?.[1] ?? null;
}
