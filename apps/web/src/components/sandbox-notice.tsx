import type { DataSource, PackageEvidenceView } from "../api/schemas";
import type { Messages } from "../i18n/messages-en";

/** Shown wherever simulated data is on screen: the sandbox must never pass for a vendor's real figures. */
export function SandboxNotice({ t }: { t: Messages }) {
  return (
    <div className="sandbox-notice" role="note" data-testid="sandbox-notice">
      <strong className="sandbox-label">{t.sandbox.label}</strong> {t.sandbox.notice}
    </div>
  );
}

export function SourceTag({ source, t }: { source: DataSource | null; t: Messages }) {
  switch (source) {
    case "sandbox": return <span className="source-tag source-sandbox" title={t.sandbox.row}>{t.sandbox.label}</span>;
    case "live": return <span className="source-tag source-live">{t.live}</span>;
    case "package": return <span className="source-tag source-package">{t.package.label}</span>;
    case null: return null;
  }
}

/** Beside a row's graded source: the vendor's own package was run, named with its pinned version. */
export function PackageTag({ evidence, t }: { evidence: Pick<PackageEvidenceView, "package"> | null; t: Messages }) {
  if (!evidence) return null;
  const title = t.package.tag(evidence.package.name, evidence.package.version);
  return <span className="source-tag source-package" title={title} data-testid="package-tag">{t.package.label} {evidence.package.name}@{evidence.package.version}</span>;
}
