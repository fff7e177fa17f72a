// The dashboard as a person sees it: a production build (`next build` + `next start` on an ephemeral port)
// over a PostgreSQL database seeded with 225 services and a month of history, driven by Debian's chromium.
// Screenshots land in test-artifacts/ (gitignored).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { loadCatalogue } from "@kensa/catalogue";
import { METHODOLOGY_VERSION, type ItemId } from "@kensa/core";
import { newestGradeSnapshots, openTestPostgresDatabase, seedDashboard, skipWithoutPostgres, storeObservedOAuthGrade, storePartialGrade, type DashboardSeed } from "@kensa/testkit";
import { createApiToken, latestGrade, verifyApiToken, type Database } from "@kensa/db";
import { reportOutcome } from "@kensa/services";
import { artifactsDir, launchBrowser, skipWithoutChromium } from "../support/browser";
import { startNextServer, type RunningServer } from "../support/next-server";
import { ensureWebBuild } from "../support/web-build";
import { capReasonsJa, itemTextsJa } from "../../apps/web/src/i18n/grade-texts-ja";

const skip = skipWithoutChromium() || skipWithoutPostgres();

describe.skipIf(skip)("dashboard in a browser", () => {
  let db: Database & { url: string };
  let seed: DashboardSeed;
  let server: RunningServer;
  let browser: Browser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    const [database] = await Promise.all([openTestPostgresDatabase({ poolSize: 2 }), ensureWebBuild()]);
    db = database;
    seed = await seedDashboard(db, { services: 225, days: 30, endDay: "2026-11-20", live: 5 });
    server = await startNextServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: "4" });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
    expect(cspViolations).toEqual([]);
  });

  async function open(path: string, options: { width?: number; lang?: "en" | "ja" } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.lang === "ja" ? "ja-JP" : "en-GB" });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(`${path}: ${m.text()}`);
    });
    const res = await page.goto(server.url + path, { waitUntil: "networkidle" });
    expect(res?.status(), `${path}: ${server.output().slice(-2000)}`).toBe(200);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });

  it("renders all 225 services with grades, the distribution and the sandbox label", async () => {
    const page = await open("/?pageSize=250");
    const rows = page.locator("table.leaderboard tbody tr");
    expect(await rows.count()).toBe(225);
    const grades = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-grade")));
    expect(grades.every((g) => g && g !== "ungraded")).toBe(true);
    const counts = await page.locator("[data-testid=grade-distribution] li").evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-count"))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(225);
    await expect(page.locator("[data-testid=sandbox-notice]").isVisible()).resolves.toBe(true);
    expect(await page.locator(".source-tag.source-sandbox").count()).toBe(220);
    await shot(page, "leaderboard");
    await page.context().close();
  });

  it("narrows the rows with filters and search, and keeps them in the URL through sorting and paging", async () => {
    const page = await open("/");
    expect(await page.locator("table.leaderboard tbody tr").count()).toBe(50);
    await page.selectOption("#f-category", "accounting");
    await Promise.all([page.waitForURL(/category=accounting/), page.click("form.filters button[type=submit]")]);
    const categories = await page.locator("table.leaderboard tbody tr td:nth-child(3)").allTextContents();
    const expected = seed.services.filter((s) => s.category === "accounting").length;
    expect(categories).toHaveLength(expected);
    expect(expected).toBeLessThan(225);
    expect(new Set(categories)).toEqual(new Set(["accounting"]));

    await page.fill("#f-q", "freee");
    await Promise.all([page.waitForURL(/q=freee/), page.click("form.filters button[type=submit]")]);
    const found = await page.locator("table.leaderboard tbody tr").allTextContents();
    const matching = seed.services.filter((s) => s.category === "accounting" && [s.id, s.nameEn, s.nameJa ?? "", s.vendor].some((t) => t.toLowerCase().includes("freee")));
    expect(found).toHaveLength(matching.length);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((text) => text.toLowerCase().includes("freee"))).toBe(true);

    await page.goto(`${server.url}/?auth=oauth2&sort=p95`);
    expect(await page.locator("th[aria-sort=ascending]").textContent()).toContain("p95");
    const next = page.locator("nav.pagination a[rel=next]");
    expect(await next.getAttribute("href")).toMatch(/auth=oauth2.*sort=p95.*page=2|page=2.*auth=oauth2/);
    await page.context().close();
  });

  it("shows a service's charts with data points, its caps and the fixes to the next grade", async () => {
    const snapshots = await newestGradeSnapshots(db);
    const capped = snapshots.find((g) => g.report.caps.length > 0 && g.report.grade !== "AAA")!;
    const page = await open(`/services/${capped.serviceId}`);
    await page.waitForSelector("[data-testid=service-charts] .recharts-surface");
    const charts = page.locator("[data-testid=service-charts] figure");
    expect(await charts.count()).toBe(3);
    expect(await charts.nth(0).locator(".recharts-line-dots circle, .recharts-line-dot").count()).toBeGreaterThanOrEqual(30);
    expect(await charts.nth(1).locator(".recharts-line").count()).toBe(3);
    const reason = capped.report.caps[0]!.reason;
    expect(await page.locator("[data-testid=caps] li").first().textContent()).toContain(reason);
    expect(Number(await page.locator("[data-testid=score-before-caps]").textContent())).toBeGreaterThanOrEqual(Number(await page.locator("[data-testid=score]").textContent()));
    expect(await page.locator("[data-testid=next-grade] h2").textContent()).toMatch(/To reach (AAA|AA|A|BBB|BB|B|C)/);
    const next = capped.report.nextGrade;
    if (next?.reachable) expect(await page.locator("[data-testid=next-grade] ol.fix-list li .points").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=axes] tbody tr").count()).toBe(5);
    // While a methodology version is staged, the grade shows what it will be under it.
    const future = capped.report.future;
    if (future) {
      const panel = page.locator("[data-testid=future-grade]");
      expect(await panel.locator("h3").textContent()).toContain(`Under methodology ${future.methodologyVersion} (staged)`);
      expect(await panel.locator("[data-testid=future-score]").textContent()).toContain(future.score.toFixed(1));
    }
    expect(await page.locator("[data-testid=checks] li.panel").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("[data-testid=badge-code]").textContent()).toContain(`/api/v1/badge/${capped.serviceId}.svg`);
    await shot(page, "service");
    await page.context().close();
  });

  it("shows freee's next-grade fixes with the points each is worth", async () => {
    const page = await open("/services/freee");
    const items = page.locator("[data-testid=next-grade] li");
    const snapshot = (await latestGrade(db, "freee"))!;
    const stored = snapshot.report;
    if (stored.nextGrade?.reachable) {
      expect(await items.count()).toBeGreaterThanOrEqual(stored.fixes.length);
      expect(await items.first().textContent()).toContain(stored.fixes[0]!.description);
    }
    await shot(page, "service-freee");
    await page.context().close();
  });

  it("overlays two services on the compare page, reached from a shortlist on the leaderboard", async () => {
    const page = await open("/?sort=name");
    const boxes = page.locator("table.leaderboard tbody input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await Promise.all([page.waitForURL(/\/compare\?ids=/), page.click("form.shortlist-form button:not(.secondary)")]);
    await page.waitForSelector("[data-testid=compare-charts] .recharts-surface");
    expect(await page.locator("[data-testid=compare-table] thead th[data-service]").count()).toBe(2);
    const overlay = page.locator("[data-testid=compare-charts] figure").first();
    expect(await overlay.locator(".recharts-line").count()).toBe(2);
    expect(await overlay.locator(".recharts-line-dots circle, .recharts-line-dot").count()).toBeGreaterThanOrEqual(2 * 30);
    const csv = await page.locator("[data-testid=export-shortlist]").getAttribute("href");
    const text = await (await fetch(server.url + csv)).text();
    expect(text.trim().split("\r\n")).toHaveLength(3);
    await shot(page, "compare");
    await page.context().close();
  });

  it("switches the language and keeps the reader on the same page", async () => {
    const page = await open("/services/freee");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h2#grade-heading").textContent()).toBe("Grade");
    await Promise.all([page.waitForURL(/\/services\/freee$/), page.click("[data-testid=lang-switch]")]);
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("h2#grade-heading").textContent()).toBe("グレード");
    const ja = seed.services.find((s) => s.id === "freee")!.nameJa!;
    expect(await page.locator("h1").textContent()).toBe(ja);
    await page.goto(server.url + "/");
    expect(await page.locator("h1").textContent()).toBe("MCP 対応度ランキング");
    await shot(page, "leaderboard-ja");
    await page.context().close();
  });

  it("uses Japanese for a Japanese browser without a choice made", async () => {
    const page = await open("/trends", { lang: "ja" });
    expect(await page.locator("h1").textContent()).toBe("トレンド");
    await page.context().close();
  });

  it("shows the adoption picture and the population charts on the trends page", async () => {
    const page = await open("/trends");
    await page.waitForSelector(".recharts-surface");
    const stats = await page.locator("[data-testid=adoption] .stat").allTextContents();
    expect(stats).toHaveLength(3);
    const [oauth, sso, iac] = stats.map((s) => Number(s.replace("%", "")));
    expect(oauth).toBeGreaterThan(40);
    expect(sso!).toBeLessThan(oauth!);
    // The share of catalogued services with a declared Terraform or Pulumi provider (sourced; see probes/README.md).
    const { entries } = await loadCatalogue();
    const declaredIac = entries.filter((e) => e.facts.terraformProvider.value === true || e.facts.pulumiProvider.value === true).length / entries.length;
    expect(Math.abs(iac! - declaredIac * 100)).toBeLessThanOrEqual(0.5);
    expect(iac!).toBeLessThan(oauth!);
    // By vendor origin: declared beside simulated, each row labelled with its basis, in the seed's shape.
    const byOrigin = page.locator("[data-testid=adoption-by-origin]");
    for (const basis of ["declared", "simulated"]) expect(await byOrigin.locator(`tbody tr[data-basis=${basis}]`).count()).toBe(3);
    expect(await byOrigin.locator("tbody tr[data-basis=simulated] .source-sandbox").first().textContent()).toContain("not observed");
    expect(await byOrigin.locator("tbody tr[data-basis=declared] .source-tag").first().textContent()).toContain("sources");
    const share = async (basis: string, metric: string, population: string) =>
      Number(await byOrigin.locator(`tr[data-basis=${basis}][data-metric=${metric}] td[data-population=${population}]`).getAttribute("data-share"));
    expect(await share("simulated", "oauth", "all")).toBeGreaterThan(0.55);
    expect(await share("simulated", "oauth", "all")).toBeLessThan(0.65);
    expect(await share("simulated", "sso", "top_tier")).toBe(1);
    expect(await share("simulated", "iac", "domestic")).toBeLessThanOrEqual(0.05);
    expect(await share("simulated", "iac", "global")).toBeGreaterThan(await share("simulated", "iac", "domestic"));
    expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(4);
    await shot(page, "trends");
    await page.goto(`${server.url}/trends?category=accounting`);
    await page.waitForSelector(".recharts-surface");
    expect(await page.locator("#error-weeks-heading").textContent()).toContain("accounting");
    await page.context().close();
  });

  it("renders the methodology page", async () => {
    const page = await open("/methodology");
    const doc = await page.locator("[data-testid=methodology]").count();
    if (doc === 0) expect(await page.locator(".notice").textContent()).toContain("docs/methodology.md");
    else expect(await page.locator("[data-testid=methodology] h1, [data-testid=methodology] h2").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=versions-in-use]").textContent()).toContain(METHODOLOGY_VERSION);
    await page.context().close();
  });

  it("explains a grade in Japanese: caps, next-grade fixes and findings, with the recorded English marked as English", async () => {
    const snapshots = await newestGradeSnapshots(db);
    const capped = snapshots.find((g) => g.report.caps.length > 0 && g.report.grade !== "AAA")!;
    const page = await open(`/services/${capped.serviceId}`, { lang: "ja" });
    const cap = capped.report.caps[0]!;
    const capText = await page.locator("[data-testid=caps] li").first().textContent();
    expect(capText).toContain(capReasonsJa[cap.id](cap.values));
    expect(capText).not.toContain(cap.reason);
    const stored = capped.report;
    if (stored.nextGrade?.reachable && stored.fixes.length > 0) {
      const first = await page.locator("[data-testid=next-grade] ol.fix-list li").first().textContent();
      expect(first).toContain(itemTextsJa[stored.fixes[0]!.id as ItemId].fix);
      expect(first).not.toContain(stored.fixes[0]!.description);
    }
    const axes = page.locator("[data-testid=axes]");
    expect(await axes.textContent()).toContain(itemTextsJa["reliability.vendor_success"].name);
    expect(await axes.locator("[lang=en]").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=checks] h3").first().textContent()).toMatch(/合格|不合格|対象外|判定不能/);
    await shot(page, "service-ja");
    await page.context().close();
  });

  it("works at phone width: no sideways scrolling of the page, the table scrolls in its box", async () => {
    const page = await open("/", { width: 390 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, "leaderboard-phone");
    const service = await open("/services/freee", { width: 390, lang: "ja" });
    expect(await service.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(service, "service-phone-ja");
    await page.context().close();
    await service.context().close();
  });

  it("is keyboard-first: the first Tab reaches the skip link, which jumps to the content", async () => {
    const page = await open("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(await page.locator("label[for=f-q]").count()).toBe(1);
    expect(await page.locator("table.leaderboard caption").count()).toBe(1);
    await page.context().close();
  });

  it("sends strict security headers, and every script carries the page's nonce", async () => {
    const res = await fetch(server.url + "/");
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = (await fetch(server.url + "/")).headers.get("content-security-policy");
    expect(second).not.toBe(csp);
  });

  it("serves the API over HTTP with JSON errors and a well-formed badge", async () => {
    const health = await fetch(server.url + "/api/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "postgres" });
    const bad = await fetch(server.url + "/api/v1/services?window=5");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await bad.json()).error.parameter).toBe("window");
    const missing = await fetch(server.url + "/api/v1/services/does-not-exist");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const badge = await fetch(server.url + "/api/v1/badge/unknown-id.svg");
    expect(badge.headers.get("content-type")).toContain("image/svg+xml");
    expect(await badge.text()).toContain("not graded");
    const openapi = await fetch(server.url + "/api/openapi.json");
    expect((await openapi.json()).openapi).toBe("3.1.0");
    const lang = await fetch(server.url + "/lang?to=ja&next=//evil.example", { redirect: "manual" });
    expect(lang.status).toBe(303);
    expect(lang.headers.get("location")).toBe("/");
  });

  // Last: it stores a newer grade for one service, which the tests above must not see.
  it("shows an observed auth method, labelled observed in English and Japanese, where the catalogue declares unknown", async () => {
    const unknown = seed.services.filter((s) => s.authMethod === "unknown");
    const target = unknown.find((s) => s.source === "sandbox")!;
    const authCells = async (page: Page) => page.locator("table.leaderboard tbody tr td [data-auth-basis]").evaluateAll((els) => els.map((el) => [el.getAttribute("data-auth-basis"), el.textContent]));
    const before = await open("/?pageSize=250");
    expect((await authCells(before)).filter(([, text]) => text === "Unknown")).toHaveLength(unknown.length);
    await before.context().close();

    await storeObservedOAuthGrade(db, target.id);
    const page = await open("/?pageSize=250");
    const cells = await authCells(page);
    expect(cells.filter(([, text]) => text === "Unknown")).toHaveLength(unknown.length - 1);
    expect(cells.filter(([basis]) => basis === "observed")).toEqual([["observed", "OAuth 2.1 + PKCE (observed)"]]);
    await page.goto(`${server.url}/?auth=oauth2_1_pkce&pageSize=250`);
    expect(await page.locator(`table.leaderboard tbody tr:has(a[href="/services/${target.id}"]) [data-auth-basis=observed]`).count()).toBe(1);
    await page.context().close();
    const compare = await open(`/compare?ids=${target.id},freee`, { lang: "ja" });
    expect(await compare.locator("[data-testid=compare-table] [data-auth-basis=observed]").textContent()).toBe("OAuth 2.1 + PKCE (観測)");
    await compare.context().close();
  });

  it("shows what agents reported on the service page, labelled reported in English and Japanese, apart from the observed figures", async () => {
    const target = seed.services.find((x) => x.source === "sandbox")!;
    const before = await open(`/services/${target.id}`);
    expect(await before.locator("[data-testid=reported]").textContent()).toContain("No agent has reported a call to this service");
    const observedLine = await before.locator(".facts-line").first().textContent();
    await before.context().close();

    const tokens = await Promise.all(["fleet a", "fleet b"].map(async (name) => (await verifyApiToken(db, (await createApiToken(db, { name, scopes: ["report"] })).token))!));
    const report = { serviceId: target.id, success: false, latencyMs: 640, errorClass: "rate_limited", workaround: "Backed off 2 s after 429; token Bearer abc123secret was fine" };
    for (const [i, token] of tokens.entries()) {
      for (const reportId of ["one", "one"]) expect((await reportOutcome({ db, now: Date.now() }, token, { ...report, reportId, success: i === 0, ...(i === 0 ? { errorClass: undefined } : {}) })).ok).toBe(true);
    }
    const page = await open(`/services/${target.id}`);
    const section = page.locator("[data-testid=reported]");
    expect(await section.locator("h2").textContent()).toBe("Reported by agents reported");
    const text = (await section.textContent())!;
    expect(text).toContain("Reports: 2");
    expect(text).toContain("Success rate (reported): 50.0%");
    expect(text).toContain("Distinct reporters: 2");
    expect(text).toContain("Backed off 2 s after 429; token Bearer [redacted:token] was fine");
    expect(text).not.toContain("abc123secret");
    expect(await page.locator(".facts-line").first().textContent()).toBe(observedLine);
    await shot(page, "service-reported");
    await page.context().close();
    const ja = await open(`/services/${target.id}`, { lang: "ja" });
    expect(await ja.locator("[data-testid=reported] h2").textContent()).toBe("エージェントからの報告 報告");
    expect(await ja.locator("[data-testid=reported]").textContent()).toContain("異なる報告者数: 2");
    await ja.context().close();
  });

  // Last too: a newer, partial grade for one service (a probe holding no credential of ours).
  it("marks a partial grade on the leaderboard and explains it on the service page, in English and Japanese", async () => {
    const target = seed.services.find((s) => s.authMethod !== "unknown" && s.source === "sandbox")!;
    const report = await storePartialGrade(db, target.id);
    const page = await open("/?pageSize=250");
    expect(await page.locator("table.leaderboard tbody tr [data-testid=partial-marker]").count()).toBe(1);
    const row = page.locator(`table.leaderboard tbody tr[data-service="${target.id}"]`);
    expect(await row.getAttribute("data-grade")).toBe(report.grade);
    expect(await row.locator("[data-testid=partial-marker]").textContent()).toBe("partial");
    await page.context().close();
    const detail = await open(`/services/${target.id}`);
    expect(await detail.locator("[data-testid=partial-grade]").textContent()).toMatch(/^partial — Graded on what could be observed.*never above A\.Not tested \(no credential\)/);
    expect(await detail.locator("[data-testid=not-tested-reliability]").textContent()).toBe("no credential");
    await shot(detail, "service-partial-en");
    await detail.context().close();
    const ja = await open(`/services/${target.id}`, { lang: "ja" });
    expect(await ja.locator("[data-testid=partial-grade]").textContent()).toMatch(/^部分評価 — 観測できたもの.*未検証（認証情報なし）/);
    expect(await ja.locator("[data-testid=not-tested-reliability]").textContent()).toBe("認証情報なし");
    expect(await ja.locator("[data-testid=caps]").textContent()).toContain(capReasonsJa["floor.partial_coverage"]({})!);
    await ja.context().close();
  });
});
