// Reported evidence on a service's page: what agents said about their own calls, labelled "reported by
// agents" everywhere it appears and kept out of every observed figure above it (docs/methodology.md).
import { reportedReporterFloor } from "@kensa/core";
import type { ServiceDetailView } from "../data/service-detail";
import type { Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";
import { dateTime, ms, percent } from "../lib/format";

export function ServiceReported({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service.reported;
  const r = s.reported;
  const errors = Object.entries(r.errorCounts).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="reported-heading" data-testid="reported">
      <h2 id="reported-heading">{v.heading} <span className="source-tag source-reported">{v.label}</span></h2>
      <p className="small muted">{v.note(reportedReporterFloor)}</p>
      {r.reports === 0 ? <p className="muted">{v.none}</p> : (
        <>
          <p className="facts-line">
            <span>{v.reports}: <strong>{r.reports}</strong></span>
            <span>{v.successRate}: <strong>{percent(r.successRate)}</strong></span>
            <span>{v.reporters}: <strong>{r.distinctReporters}</strong></span>
            <span>{v.p50}: <strong>{ms(r.p50Ms)}</strong></span>
          </p>
          {r.aboveFloor ? null : <p className="small subtle">{v.belowFloor(r.distinctReporters, reportedReporterFloor)}</p>}
          {errors.length > 0 ? <p className="small">{v.errors}: {errors.map(([c, n]) => `${c} ×${n}`).join(", ")}</p> : null}
          <h3>{v.workarounds}</h3>
          {r.recentWorkarounds.length === 0 ? <p className="muted small">{v.noWorkarounds}</p> : (
            <ul className="small">
              {r.recentWorkarounds.map((w, i) => (
                <li key={i}><span className="nowrap subtle">{dateTime(w.receivedAt, lang)}{w.errorClass ? ` · ${w.errorClass}` : ""}</span> {w.text}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
