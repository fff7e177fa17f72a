// Adoption of OAuth, SSO and IaC across the tracked services, split by vendor origin, from two bases that are
// never blended and always labelled: declared (the catalogue's facts, each with its source; unknown counts as
// not declared) and simulated (the sandbox profiles that simulate the same services — not an observation).
// The trends page and GET /api/v1/adoption both read this; core's adoptionOf holds the counting rules.
import { adoptionOf, CatalogueEntry, type AdoptionByOrigin } from "@kensa/core";
import { listActiveServices, type Database } from "@kensa/db";
import { staleWhileRevalidate } from "./window-cache";

export const adoptionBases = ["declared", "simulated"] as const;
export type AdoptionBasis = (typeof adoptionBases)[number];
export const adoptionMetrics = ["oauth", "sso", "iac"] as const;
export type AdoptionMetric = (typeof adoptionMetrics)[number];
export const adoptionPopulations = ["all", "domestic", "global", "top_tier"] as const;
export type AdoptionPopulation = (typeof adoptionPopulations)[number];

export interface AdoptionFigure {
  metric: AdoptionMetric;
  population: AdoptionPopulation;
  basis: AdoptionBasis;
  count: number;
  services: number;
  /** count / services; null when the population is empty. */
  share: number | null;
}

export interface AdoptionView {
  services: number;
  figures: AdoptionFigure[];
}

/** Once per sweep at most (the catalogue changes on sync): cached like the window figures. */
export function loadAdoption(db: Database): Promise<AdoptionView> {
  return staleWhileRevalidate(db, "adoption", () => computeAdoption(db), { freshMs: 60_000 });
}

async function computeAdoption(db: Database): Promise<AdoptionView> {
  const rows = await listActiveServices(db);
  // The service row keeps its validated catalogue entry whole; one that no longer parses is left out, not guessed.
  const entries = rows.flatMap((r) => {
    const parsed = CatalogueEntry.safeParse(r.catalogue);
    return parsed.success ? [parsed.data] : [];
  });
  const adoption = adoptionOf(entries);
  return { services: entries.length, figures: adoptionBases.flatMap((basis) => figuresOf(basis, adoption[basis])) };
}

function figuresOf(basis: AdoptionBasis, a: AdoptionByOrigin): AdoptionFigure[] {
  const figure = (metric: AdoptionMetric, population: AdoptionPopulation, count: number, services: number): AdoptionFigure =>
    ({ metric, population, basis, count, services, share: services > 0 ? count / services : null });
  const byOrigin = (["all", "domestic", "global"] as const).flatMap((population) =>
    adoptionMetrics.map((metric) => figure(metric, population, a[population][metric], a[population].services)));
  return [...byOrigin, figure("sso", "top_tier", a.topTier.sso, a.topTier.services)];
}

/** One figure of the view; undefined only for a combination the view does not hold (IaC or OAuth at the top tier). */
export function adoptionFigure(view: AdoptionView, basis: AdoptionBasis, metric: AdoptionMetric, population: AdoptionPopulation): AdoptionFigure | undefined {
  return view.figures.find((f) => f.basis === basis && f.metric === metric && f.population === population);
}
