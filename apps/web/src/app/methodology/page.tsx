// The methodology, rendered from docs/methodology.md as versioned with the code, with its changelog.
import type { Metadata } from "next";
import { connection } from "next/server";
import { stagedMethodology } from "@kensa/core";
import { readLeaderboardServices } from "@kensa/db";
import { requestLang } from "../../i18n/request-lang";
import { documentVersion, renderMarkdown } from "../../lib/markdown";
import { getDatabase } from "../../server/database";
import { readRepoDoc } from "../../server/repo-docs";

export const metadata: Metadata = { title: "Methodology" };

export default async function MethodologyPage() {
  await connection();
  const [{ t }, db] = await Promise.all([requestLang(), getDatabase()]);
  const doc = readRepoDoc("docs/methodology.md");
  const changelog = readRepoDoc("docs/methodology-changelog.md");
  const versions = new Map<string, number>();
  for (const s of await readLeaderboardServices(db)) if (s.grade) versions.set(s.grade.methodologyVersion, (versions.get(s.grade.methodologyVersion) ?? 0) + 1);
  return (
    <div className="methodology-doc">
      {doc ? null : <h1>{t.methodology.title}</h1>}
      {versions.size > 0 ? (
        <p className="muted small" data-testid="versions-in-use">
          {t.methodology.versionsInUse}: {[...versions].map(([v, n]) => `${v} (${n})`).join(", ")}
          {doc && documentVersion(doc) ? ` · docs/methodology.md: ${documentVersion(doc)}` : null}
        </p>
      ) : null}
      {stagedMethodology ? <p className="notice small" data-testid="staged-methodology">{t.methodology.staged(stagedMethodology.version, stagedMethodology.effectiveFrom)}</p> : null}
      {doc ? <article data-testid="methodology" dangerouslySetInnerHTML={{ __html: renderMarkdown(doc) }} /> : <p className="notice">{t.methodology.missing}</p>}
      {changelog ? <section data-testid="methodology-changelog" dangerouslySetInnerHTML={{ __html: renderMarkdown(changelog) }} /> : null}
    </div>
  );
}
