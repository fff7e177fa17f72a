// The public API against real databases (PGlite and PostgreSQL): every response checked against its zod
// schema, every bad parameter answered 400 naming it, unknown ids 404, CSV equal to JSON, badges well-formed.
import { XMLValidator } from "fast-xml-parser";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stagedMethodology } from "@kensa/core";
import type { Database } from "@kensa/db";
import { databaseBackends, newestGradeSnapshots, seedDashboard, storeObservedOAuthGrade, storePartialGrade, type DashboardSeed } from "@kensa/testkit";
import { sandboxProfileOf } from "@kensa/core";
import { adoptionHandler } from "./handlers/adoption";
import { badgeHandler } from "./handlers/badge";
import { distributionHandler } from "./handlers/distribution";
import { csvColumns, exportCsvHandler } from "./handlers/export-csv";
import { historyHandler } from "./handlers/history";
import { serviceHandler } from "./handlers/service";
import { servicesHandler } from "./handlers/services";
import { Adoption, ApiErrorBody, GradeDistribution, ServiceDetail, ServiceHistory, ServiceList } from "./schemas";

const base = "http://kensa.test";
const get = (handler: (db: Database, url: URL, p: Record<string, string>) => Promise<Response>, db: Database, path: string, params: Record<string, string> = {}) =>
  handler(db, new URL(path, base), params);

describe.each(databaseBackends)("API on $name", (backend) => {
  let db: Database;
  let seed: DashboardSeed;
  const id = (i: number) => seed.services[i]!.id;
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    seed = await seedDashboard(db, { services: 40, days: 21, endDay: "2026-11-20", live: 3 });
  });
  afterAll(async () => {
    await db?.close();
  });
  const run = it.skipIf(!backend.available);

  run("lists services in the documented shape, with cache headers", async () => {
    const res = await get(servicesHandler, db, "/api/v1/services?pageSize=250");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const body = ServiceList.parse(await res.json());
    expect(body.total).toBe(40);
    expect(body.data).toHaveLength(40);
    expect(body.asOf).toBe("2026-11-20");
    expect(body.data.filter((s) => s.source === "live").map((s) => s.id).sort()).toEqual([id(0), id(1), id(2)].sort());
    const graded = body.data.filter((s) => s.grade);
    expect(graded.length).toBe(40);
    expect(body.data[0]!.window.calls).toBeGreaterThan(0);
  });

  run("filters, sorts and pages like the leaderboard", async () => {
    const all = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json());
    const grade = all.data[0]!.grade!.grade;
    const some = ServiceList.parse(await (await get(servicesHandler, db, `/api/v1/services?grade=${grade}&pageSize=250`)).json());
    expect(some.total).toBeLessThan(all.total);
    expect(some.data.every((s) => s.grade?.grade === grade)).toBe(true);
    const page2 = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=15&page=2&sort=name")).json());
    const byName = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250&sort=name")).json());
    expect(page2.data.map((s) => s.id)).toEqual(byName.data.slice(15, 30).map((s) => s.id));
    const scores = all.data.map((s) => s.grade!.score);
    const byScore = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250&sort=score")).json());
    expect(byScore.data.map((s) => s.grade!.score)).toEqual([...scores].sort((a, b) => b - a));
  });

  run.for([
    ["/api/v1/services?window=5", servicesHandler, {}, "window"],
    ["/api/v1/services?pageSize=1000", servicesHandler, {}, "pageSize"],
    ["/api/v1/services?grade=Z", servicesHandler, {}, "grade"],
    ["/api/v1/services?unknown=1", servicesHandler, {}, "unknown"],
    ["/api/v1/export.csv?sso=perhaps", exportCsvHandler, {}, "sso"],
    ["/api/v1/export.csv?page=2", exportCsvHandler, {}, "page"],
    ["/api/v1/grades/distribution?source=test", distributionHandler, {}, "source"],
    ["/api/v1/services/svc-001?window=1", serviceHandler, { id: "svc-001" }, "window"],
    ["/api/v1/services/BAD%20ID", serviceHandler, { id: "BAD ID" }, "id"],
    ["/api/v1/services/svc-001/history?granularity=hour", historyHandler, { id: "svc-001" }, "granularity"],
    ["/api/v1/services/svc-001/history?from=2026-13-01", historyHandler, { id: "svc-001" }, "from"],
    ["/api/v1/services/svc-001/history?from=2026-11-10&to=2026-11-01", historyHandler, { id: "svc-001" }, "from"],
    ["/api/v1/services/svc-001/history?from=2020-01-01&to=2026-11-01", historyHandler, { id: "svc-001" }, "from"],
  ] as const)("answers %s with 400 naming the parameter", async ([path, handler, params, parameter]) => {
    const res = await get(handler, db, path, params);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = ApiErrorBody.parse(await res.json());
    expect(body.error.code).toBe("bad_request");
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(parameter);
    expect(body.error.expected?.length).toBeGreaterThan(3);
  });

  run.for([
    ["/api/v1/services/nope", serviceHandler],
    ["/api/v1/services/nope/history", historyHandler],
  ] as const)("answers %s with 404 JSON", async ([path, handler]) => {
    const res = await get(handler, db, path, { id: "nope" });
    expect(res.status).toBe(404);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe("not_found");
  });

  run("shows one service with axes, caps, fixes, declared facts, findings, failures and grade history", async () => {
    const oauth = seed.services.find((s) => s.authMethod === "oauth2" || s.authMethod === "oauth2_1_pkce")!;
    const res = await get(serviceHandler, db, `/api/v1/services/${oauth.id}`, { id: oauth.id });
    expect(res.status).toBe(200);
    const s = ServiceDetail.parse(await res.json());
    expect(s.axes.map((a) => a.name).sort()).toEqual(["audit", "auth", "gateway", "portability", "reliability"]);
    expect(s.axes.reduce((n, a) => n + (a.weight ?? 0), 0)).toBe(100);
    expect(s.axes.every((a) => a.findings.length > 0)).toBe(true);
    expect(s.checks.map((c) => c.check).sort()).toEqual(["auth_challenge", "authorization_server", "invalid_token", "protected_resource", "trace_context"]);
    expect(s.declared.find((f) => f.name === "saml")).toBeDefined();
    expect(s.grade!.scoreBeforeCaps).toBeGreaterThanOrEqual(s.grade!.score);
    expect(s.gradeHistory.at(-1)!.reasons).toContain("first grade");
    expect(s.recentFailures.every((f) => f.errorClass !== null && f.step.length > 0)).toBe(true);
    expect(s.links.badge).toBe(`/api/v1/badge/${oauth.id}.svg`);
    if (s.grade!.grade !== "AAA") expect(s.nextGrade).not.toBeNull();
  });

  run("shows every grade's future under the staged methodology: in the list, the service and the badge's tooltip", async () => {
    if (stagedMethodology === null) return; // nothing staged: no future to show (the next test's types cover null)
    const staged = stagedMethodology!.version;
    const list = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json());
    expect(list.data.every((s) => s.grade?.future?.methodologyVersion === staged)).toBe(true);
    const first = id(0);
    const s = ServiceDetail.parse(await (await get(serviceHandler, db, `/api/v1/services/${first}`, { id: first })).json());
    expect(s.future).toMatchObject({ methodologyVersion: staged, effectiveFrom: stagedMethodology!.effectiveFrom });
    expect(s.grade!.future).toEqual({ grade: s.future!.grade, score: s.future!.score, methodologyVersion: staged });
    expect(s.future!.newFindings.map((f) => f.id)).toEqual(expect.arrayContaining(["tools.descriptions", "tools.list_size"]));
    // Under the current version the tools axis is not judged, so the service's axes leave it out; the future weighs it.
    expect(s.axes.map((a) => a.name)).not.toContain("tools");
    expect(s.future!.axes.tools!.weight).toBeGreaterThan(0);
    const svg = await (await get(badgeHandler, db, `/api/v1/badge/${first}.svg`, { file: `${first}.svg` })).text();
    expect(svg).toContain(`under methodology v${staged}, staged: ${s.future!.grade}`);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  run("shows the caps the scorer applied, each with its reason, limit and the score before caps", async () => {
    const snapshots = await newestGradeSnapshots(db);
    const capped = snapshots.find((g) => Array.isArray(g.report.caps) && g.report.caps.length > 0);
    expect(capped, "the seeded population has a capped service").toBeDefined();
    const s = ServiceDetail.parse(await (await get(serviceHandler, db, `/api/v1/services/${capped!.serviceId}`, { id: capped!.serviceId })).json());
    expect(s.caps.map((c) => c.id)).toEqual((capped!.report.caps as { id: string }[]).map((c) => c.id));
    expect(s.caps.every((c) => c.reason.length > 10 && c.maxGrade !== null && c.limit !== null)).toBe(true);
    expect(s.grade!.score).toBeLessThanOrEqual(Math.min(...s.caps.map((c) => c.limit!)));
    expect(s.grade!.scoreBeforeCaps).toBeGreaterThanOrEqual(s.grade!.score);
  });

  run("gives history by day and by week, the weeks summing the days", async () => {
    const days = ServiceHistory.parse(await (await get(historyHandler, db, `/api/v1/services/${id(4)}/history?from=2026-11-01&to=2026-11-20`, { id: id(4) })).json());
    const weeks = ServiceHistory.parse(await (await get(historyHandler, db, `/api/v1/services/${id(4)}/history?from=2026-11-01&to=2026-11-20&granularity=week`, { id: id(4) })).json());
    expect(days.points).toHaveLength(20);
    expect(weeks.points.length).toBe(4);
    const sum = (ps: { calls: number }[]) => ps.reduce((n, p) => n + p.calls, 0);
    expect(sum(weeks.points)).toBe(sum(days.points));
    expect(weeks.points[0]!.start).toBe("2026-11-01");
    expect(weeks.points.at(-1)!.end).toBe("2026-11-20");
  });

  run("labels every history point and the response with its data source (sandbox is simulated)", async () => {
    const list = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json());
    for (const [sid, source] of [[id(0), "live"], [id(4), "sandbox"]] as const) {
      expect(list.data.find((s) => s.id === sid)!.source).toBe(source);
      for (const granularity of ["day", "month"]) {
        const res = await get(historyHandler, db, `/api/v1/services/${sid}/history?from=2026-11-01&to=2026-11-20&granularity=${granularity}`, { id: sid });
        const h = ServiceHistory.parse(await res.json());
        expect(h.points.length).toBeGreaterThan(0);
        expect(h.sources).toEqual([source]);
        expect(h.points.every((p) => p.sources.length === 1 && p.sources[0] === source)).toBe(true);
      }
    }
    const empty = ServiceHistory.parse(await (await get(historyHandler, db, `/api/v1/services/${id(4)}/history?from=2025-01-01&to=2025-01-31`, { id: id(4) })).json());
    expect([empty.points, empty.sources]).toEqual([[], []]);
  });

  run("counts services per data source in the distribution, as the service list labels them", async () => {
    const dist = GradeDistribution.parse(await (await get(distributionHandler, db, "/api/v1/grades/distribution")).json());
    const list = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json());
    expect(dist.sources).toEqual({ live: 3, package: 0, sandbox: 37 }); // package evidence sits beside a row's source, never as it
    for (const source of ["live", "sandbox"] as const) expect(dist.sources[source]).toBe(list.data.filter((s) => s.source === source).length);
    expect(dist.sources.live + dist.sources.sandbox + dist.unsourced).toBe(dist.total);
    const live = GradeDistribution.parse(await (await get(distributionHandler, db, "/api/v1/grades/distribution?source=live")).json());
    expect([live.sources, live.unsourced]).toEqual([{ live: 3, package: 0, sandbox: 0 }, 0]);
  });

  run("counts grades the same way the service list does", async () => {
    const dist = GradeDistribution.parse(await (await get(distributionHandler, db, "/api/v1/grades/distribution")).json());
    const list = ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json());
    expect(dist.total).toBe(40);
    for (const [grade, n] of Object.entries(dist.grades)) expect(n).toBe(list.data.filter((s) => s.grade?.grade === grade).length);
    const live = GradeDistribution.parse(await (await get(distributionHandler, db, "/api/v1/grades/distribution?source=live")).json());
    expect(live.total).toBe(3);
  });

  run("answers adoption by vendor origin, declared beside simulated, every figure labelled with its basis", async () => {
    const res = await get(adoptionHandler, db, "/api/v1/adoption");
    expect(res.status).toBe(200);
    const body = Adoption.parse(await res.json());
    expect(body.services).toBe(40);
    const entries = seed.services.map((s) => s.entry);
    const oauthish = (m: string) => m === "oauth2" || m === "oauth2_1_pkce" || m === "enterprise_sso";
    const figure = (basis: string, metric: string, population: string) => body.figures.find((f) => f.basis === basis && f.metric === metric && f.population === population);
    for (const basis of ["declared", "simulated"]) {
      for (const metric of ["oauth", "sso", "iac"]) {
        const all = figure(basis, metric, "all")!;
        const domestic = figure(basis, metric, "domestic")!;
        const global = figure(basis, metric, "global")!;
        expect(all.services).toBe(40);
        expect(domestic.count + global.count).toBe(all.count);
        expect(domestic.services).toBeGreaterThan(0);
        expect(all.share).toBeCloseTo(all.count / 40);
      }
      expect(figure(basis, "sso", "top_tier")).toBeDefined();
    }
    // Declared comes from the entries' sourced auth methods; simulated from the profiles that simulate them.
    // The protocol era mix: per day and source, shares of that source's runs that sum to one.
    expect(body.protocolMix.days.length).toBeGreaterThan(0);
    for (const d of body.protocolMix.days) {
      expect(body.protocolMix.sources).toContain(d.source);
      expect(d.runs).toBeGreaterThan(0);
      expect(d.shares.initialize + d.shares.dual + d.shares.modern + d.shares.unknown).toBeCloseTo(1);
    }
    expect(figure("declared", "oauth", "all")!.count).toBe(entries.filter((e) => oauthish(e.authMethod)).length);
    expect(figure("simulated", "oauth", "all")!.count).toBe(entries.filter((e) => oauthish(sandboxProfileOf(e).auth.mode)).length);
    expect(figure("declared", "sso", "all")!.count).toBe(entries.filter((e) => e.facts.saml.value === true || e.facts.oidc.value === true || e.facts.idJag.value === true || e.authMethod === "enterprise_sso").length);
    // Where a service declares nothing the profiles fill in, so simulated is never below declared: each profile follows its sources.
    expect(figure("simulated", "sso", "all")!.count).toBeGreaterThanOrEqual(figure("declared", "sso", "all")!.count);
  });

  run("exports CSV whose rows equal the JSON for the same filters", async () => {
    const filter = "auth=oauth2,api_key&sort=p95";
    const res = await get(exportCsvHandler, db, `/api/v1/export.csv?${filter}`);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const csv = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual(csvColumns.map(([name]) => name));
    const json = ServiceList.parse(await (await get(servicesHandler, db, `/api/v1/services?${filter}&pageSize=250`)).json());
    expect(csv.data.length).toBe(json.total);
    expect(json.total).toBeGreaterThan(0);
    const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
    csv.data.forEach((r, i) => {
      const j = json.data[i]!;
      expect([r.id, r.name_en, r.name_ja, r.auth_method, r.auth_shown, r.auth_basis, r.grade, r.score, r.success_rate, r.p95_ms, r.calls, r.last_probed_at, r.source])
        .toEqual([j.id, j.name.en, str(j.name.ja), j.authMethod, j.auth.method, j.auth.basis, str(j.grade?.grade), str(j.grade?.score), str(j.window.successRate), str(j.window.p95Ms), str(j.window.calls), str(j.lastProbedAt), str(j.source)]);
    });
  });

  run("exports a shortlist by ids", async () => {
    const text = await (await get(exportCsvHandler, db, `/api/v1/export.csv?ids=${id(3)},${id(8)}`)).text();
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.id).sort()).toEqual([id(3), id(8)].sort());
  });

  run.each([["<first>.svg", true], ["no-such-service.svg", false], ["<first>.png", false], ["..%2F..%2Fetc.svg", false]] as const)(
    "answers badge %s with a well-formed SVG (graded: %s)",
    async (pattern, graded) => {
      const file = pattern.replace("<first>", id(0));
      const res = await get(badgeHandler, db, `/api/v1/badge/${file}`, { file });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("image/svg+xml");
      const svg = await res.text();
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg.includes("not graded")).toBe(!graded);
    },
  );

  // Last: it stores a newer grade for one service. Declared methods win; "unknown" gives way to an observation.
  run("shows the auth method the probe observed, labelled observed, where the catalogue declares unknown", async () => {
    const listed = async (qs = "") => ServiceList.parse(await (await get(servicesHandler, db, `/api/v1/services?pageSize=250${qs}`)).json()).data;
    const target = seed.services.find((s) => s.authMethod === "unknown" && s.source === "sandbox")!;
    expect(target, "the seeded population has a service whose declared auth method is unknown").toBeDefined();
    const before = await listed();
    expect(before.find((s) => s.id === target.id)!.auth).toEqual({ method: "unknown", basis: "declared" });
    for (const s of before.filter((x) => x.authMethod !== "unknown")) expect(s.auth, s.id).toEqual({ method: s.authMethod, basis: "declared" });

    await storeObservedOAuthGrade(db, target.id);

    const observed = { method: "oauth2_1_pkce", basis: "observed" };
    const after = (await listed()).find((s) => s.id === target.id)!;
    expect([after.authMethod, after.auth]).toEqual(["unknown", observed]);
    expect((await listed("&auth=oauth2_1_pkce")).map((s) => s.id)).toContain(target.id);
    expect((await listed("&auth=unknown")).map((s) => s.id)).not.toContain(target.id);
    const detail = ServiceDetail.parse(await (await get(serviceHandler, db, `/api/v1/services/${target.id}`, { id: target.id })).json());
    expect(detail.auth).toEqual(observed);
    const csv = Papa.parse<Record<string, string>>((await (await get(exportCsvHandler, db, `/api/v1/export.csv?ids=${target.id}`)).text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(csv.data.map((r) => [r.auth_method, r.auth_shown, r.auth_basis])).toEqual([["unknown", "oauth2_1_pkce", "observed"]]);
  });

  run("labels a grade made without a working credential of ours partial in the list, the detail and the CSV", async () => {
    const target = id(5);
    const listed = async () => ServiceList.parse(await (await get(servicesHandler, db, "/api/v1/services?pageSize=250")).json()).data;
    expect((await listed()).every((s) => s.grade?.coverage === "full")).toBe(true);

    const report = await storePartialGrade(db, target);

    const after = await listed();
    expect(after.filter((s) => s.grade?.coverage === "partial").map((s) => s.id)).toEqual([target]);
    expect(after.find((s) => s.id === target)!.grade).toMatchObject({ grade: report.grade, score: report.score, coverage: "partial" });
    expect(report.grade).not.toBe("D");
    const detail = ServiceDetail.parse(await (await get(serviceHandler, db, `/api/v1/services/${target}`, { id: target })).json());
    expect(detail).toMatchObject({ grade: { coverage: "partial" }, coverageReasons: ["no_credential"] });
    expect(detail.axes.find((a) => a.name === "reliability")).toMatchObject({ score: null, evidence: "not_tested", notTestedReason: "no_credential" });
    expect(detail.caps.map((c) => c.id)).toContain("floor.partial_coverage");
    const csv = Papa.parse<Record<string, string>>((await (await get(exportCsvHandler, db, `/api/v1/export.csv?ids=${target},${id(6)}`)).text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(Object.fromEntries(csv.data.map((r) => [r.id, r.coverage]))).toEqual({ [target]: "partial", [id(6)]: "full" });
    const badge = await (await get(badgeHandler, db, `/api/v1/badge/${target}.svg`, { file: `${target}.svg` })).text();
    expect(badge).toContain(`${report.grade}? · partial`);
  });
});
