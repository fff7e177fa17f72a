import type { Messages } from "../i18n/messages-en";

/** Shown wherever simulated data is on screen: the sandbox must never pass for a vendor's real figures. */
export function SandboxNotice({ t }: { t: Messages }) {
  return (
    <div className="sandbox-notice" role="note" data-testid="sandbox-notice">
      <strong className="sandbox-label">{t.sandbox.label}</strong> {t.sandbox.notice}
    </div>
  );
}

export function SourceTag({ source, t }: { source: "live" | "sandbox" | null; t: Messages }) {
  if (source === "sandbox") return <span className="source-tag source-sandbox" title={t.sandbox.row}>{t.sandbox.label}</span>;
  if (source === "live") return <span className="source-tag source-live">{t.live}</span>;
  return null;
}
