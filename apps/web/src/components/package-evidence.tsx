import type { PackageEvidenceView } from "../api/schemas";
import type { Messages } from "../i18n/messages-en";
import { dateTime } from "../lib/format";
import type { Lang } from "../i18n/lang";

/** The newest package run's findings: labelled as observed from the vendor's package, apart from the (sandbox) grade. */
export function PackageEvidence({ evidence, t, lang }: { evidence: PackageEvidenceView | null; t: Messages; lang: Lang }) {
  if (!evidence) return null;
  const p = t.package;
  return (
    <section aria-labelledby="package-heading" className="package-evidence" data-testid="package-evidence" data-source="package">
      <h2 id="package-heading">{p.title} <span className="source-tag source-package">{p.label}</span></h2>
      <p className="small">{p.intro(evidence.package.name, evidence.package.version)}</p>
      <p className="small">{p.observedAt}: {dateTime(evidence.observedAt, lang)} · <code>{evidence.package.name}@{evidence.package.version}</code></p>
      <table>
        <thead><tr><th scope="col">{p.finding}</th><th scope="col">{p.verdict}</th><th scope="col">{p.evidence}</th></tr></thead>
        <tbody>
          {evidence.findings.map((f) => (
            <tr key={f.id} data-finding={f.id}>
              <th scope="row">{p.findings[f.id] ?? f.id}</th>
              <td>{p.verdicts[f.verdict] ?? f.verdict}{f.shape ? ` · ${p.shapes[f.shape] ?? f.shape}` : ""}{f.actionability ? ` · ${p.actionability[f.actionability] ?? f.actionability}` : ""}</td>
              <td className="small">{f.value !== undefined ? <strong>{String(f.value)} </strong> : null}{f.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
