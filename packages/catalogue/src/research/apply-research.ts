// Write one researched service into its catalogue file, editing the YAML document in place so comments,
// key order and flow style survive, and touching only what the research changes: running it twice changes
// nothing. What it writes: `checked`, `servers`, the researched facts, a sourced auth method where it agrees
// with the credential and sandbox profile, and the endpoint — the first vendor-owned remote server, only
// while the endpoint is empty (never a third party's). A server recorded as the vendor's but sourced from
// neither the vendor's site nor a code/package registry is held back (vendor-source.ts). The result must
// validate as a catalogue file, or nothing is written.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { CatalogueFileEntry, endpointFromServers, type DeclaredFact } from "@kensa/core";
import { canonicalJson } from "../content-hash";
import { fieldPath } from "../catalogue-error";
import type { ResearchEntry } from "./research-entry";
import { registrableDomain, sourcedByVendor } from "./vendor-source";

/** The options under which every file in probes/ round-trips byte for byte. */
export const catalogueYamlFormat = { lineWidth: 0, flowCollectionPadding: false, indentSeq: false, singleQuote: true } as const;

export type ApplyOutcome =
  | {
      ok: true;
      text: string;
      /** One line per field changed; empty when the file already says what the research says. */
      changes: string[];
      /** Research that was read but not applied (e.g. an auth method contradicting the profile). */
      conflicts: string[];
    }
  | { ok: false; problems: string[] };

const noEndpointLine = " No public MCP endpoint is known: the calls target the sandbox's tool shapes for this category.";
const endpointLine = " Endpoint: the vendor's own remote MCP server (servers lists its source); the calls still target the sandbox's tool shapes.";

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function describeFact(fact: { value: unknown; source?: string } | undefined): string {
  return fact === undefined || fact.value === "unknown" ? "unknown" : `${String(fact.value)} (${fact.source ?? "no source"})`;
}

/** New nodes follow the files' style: URLs and other strings with a colon single-quoted inside flow maps. */
function styled<T extends Node>(node: T): T {
  if (isMap(node) && node.flow) {
    for (const pair of node.items) {
      if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value.includes(":")) pair.value.type = "QUOTE_SINGLE";
    }
  }
  return node;
}

function flowNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  if (isMap(node)) node.flow = true;
  return styled(node);
}

function serversNode(doc: Document, servers: NonNullable<ResearchEntry["servers"]>): Node {
  const node = doc.createNode(servers);
  for (const item of node.items) {
    const env = isMap(item) ? item.get("requiredEnv", true) : undefined;
    if (isSeq(env)) env.flow = true;
  }
  return node;
}

function topMap(doc: Document): YAMLMap<unknown, unknown> {
  if (!isMap(doc.contents)) throw new Error("expected a mapping at the top level");
  return doc.contents as YAMLMap<unknown, unknown>;
}

/** Set a top-level key, inserting it after the first of `after` the file has (else before `before`, else last). */
function setTop(doc: Document, key: string, node: Node, place: { after?: string[]; before?: string }): void {
  const map = topMap(doc);
  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing) {
    existing.value = node;
    return;
  }
  const index = (name: string | undefined) => (name === undefined ? -1 : map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === name));
  const after = (place.after ?? []).map(index).find((i) => i >= 0) ?? -1;
  const before = index(place.before);
  const at = after >= 0 ? after + 1 : before >= 0 ? before : map.items.length;
  map.items.splice(at, 0, doc.createPair(key, node) as Pair<unknown, unknown>);
}

function markEndpointKnown(doc: Document): void {
  const first = topMap(doc).items[0];
  if (!first || !isScalar(first.key) || typeof first.key.commentBefore !== "string") return;
  first.key.commentBefore = first.key.commentBefore.split("\n").map((line) => (line === noEndpointLine ? endpointLine : line)).join("\n");
}

/** Apply `research` to the text of its catalogue file `file`. */
export function applyResearch(text: string, file: string, research: ResearchEntry): ApplyOutcome {
  const doc = parseDocument(text, { uniqueKeys: true, merge: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { ok: false, problems: [`${file}: expected a valid catalogue file`] };
  const current = doc.toJS() as Record<string, unknown> & {
    id: string;
    endpoint: { url: string | null; transport: string; source?: string };
    facts?: Record<string, DeclaredFact>;
    authMethod: string;
    authMethodSource?: string;
  };
  if (current.id !== research.id) return { ok: false, problems: [`${file}: holds id "${current.id}", not "${research.id}"`] };

  const changes: string[] = [];
  const conflicts: string[] = [];
  const next: Record<string, unknown> = { ...current };
  const homepage = typeof current.homepage === "string" ? current.homepage : null;
  const heldBack = (research.servers ?? []).filter((s) => s.owner === "vendor" && !sourcedByVendor(s, homepage));
  for (const s of heldBack) {
    conflicts.push(`${file}: held back ${s.kind === "remote" ? (s.url ?? "(no public URL)") : `${s.registry}:${s.name}`}: recorded as the vendor's, but its source ${s.source} is neither the vendor's site (${registrableDomain(homepage) ?? "no homepage"}) nor a code or package registry`);
  }
  // As in the research reader: servers found but none kept is not "none found", so the file keeps what it has.
  const kept = research.servers?.filter((s) => !heldBack.includes(s));
  research = { ...research, servers: kept !== undefined && (kept.length > 0 || research.servers!.length === 0) ? kept : undefined };

  if (research.checked !== undefined && current.checked !== research.checked) {
    next.checked = research.checked;
    changes.push("checked");
  }
  if (research.servers && !same(current.servers, research.servers)) {
    next.servers = research.servers;
    changes.push(`servers: ${research.servers.length} (${research.servers.map((s) => `${s.owner} ${s.kind === "remote" ? (s.url ?? "(no public URL)") : `${s.registry}:${s.name}`}`).join(", ") || "none found"})`);
  }
  const endpoint = endpointFromServers(current.endpoint, research.servers ?? []);
  if (endpoint !== current.endpoint) {
    next.endpoint = endpoint;
    changes.push(`endpoint: ${endpoint.url}`);
  }
  const facts: Record<string, DeclaredFact> = { ...(current.facts ?? {}) };
  for (const [name, fact] of Object.entries(research.facts)) {
    if (fact === undefined || fact.value === "unknown") continue;
    const was = facts[name];
    if (same(was, fact)) continue;
    facts[name] = fact;
    changes.push(`facts.${name}: ${describeFact(was)} → ${describeFact(fact)}`);
  }
  if (!same(facts, current.facts ?? {})) next.facts = facts;

  let authApplied = false;
  const auth = research.authMethod;
  if (auth && auth.value !== "unknown" && (auth.value !== current.authMethod || auth.source !== current.authMethodSource)) {
    const candidate = CatalogueFileEntry.safeParse({ ...next, authMethod: auth.value, authMethodSource: auth.source });
    const authIssues = candidate.success ? [] : candidate.error.issues.filter((i) => ["credential", "sandbox", "tokenLifetime", "authMethod"].includes(String(i.path[0])));
    if (authIssues.length === 0) {
      next.authMethod = auth.value;
      next.authMethodSource = auth.source;
      authApplied = true;
      changes.push(`authMethod: ${current.authMethod} (${current.authMethodSource ?? "no source"}) → ${auth.value} (${auth.source})`);
    } else {
      const why = authIssues.map((i) => `${fieldPath(i.path)}: ${i.message}`).join("; ") || `the catalogue says "${current.authMethod}"`;
      conflicts.push(`${file}: authMethod "${auth.value}" (${auth.source}) not applied: ${why}`);
    }
  }

  let valid = CatalogueFileEntry.safeParse(next);
  // The file's endpoint was set before (by a person) and the research does not list it as the vendor's: the
  // servers are not written, so the endpoint stays what the prober targets, and a person decides.
  if (!valid.success && next.servers !== current.servers && valid.error.issues.every((i) => fieldPath(i.path) === "endpoint.url")) {
    conflicts.push(`${file}: servers not written: ${valid.error.issues.map((i) => i.message).join("; ")} (the file's endpoint, set before this research)`);
    next.servers = current.servers;
    changes.splice(changes.findIndex((c) => c.startsWith("servers:")), 1);
    valid = CatalogueFileEntry.safeParse(next);
  }
  if (!valid.success) return { ok: false, problems: valid.error.issues.map((i) => `${file}: ${fieldPath(i.path)}: ${i.message}`) };
  if (changes.length === 0) return { ok: true, text, changes, conflicts };

  if (next.checked !== current.checked) setTop(doc, "checked", doc.createNode(next.checked) as Node, { after: ["endpoint"] });
  if (next.servers !== current.servers && research.servers) setTop(doc, "servers", serversNode(doc, research.servers), { after: ["checked", "endpoint"] });
  if (next.endpoint !== current.endpoint) {
    setTop(doc, "endpoint", flowNode(doc, next.endpoint), {});
    markEndpointKnown(doc);
  }
  if (next.facts !== undefined && next.facts !== current.facts) {
    if (!isMap(doc.get("facts", true))) setTop(doc, "facts", doc.createNode({}) as Node, { before: "intervalSec" });
    for (const [name, fact] of Object.entries(research.facts)) {
      if (fact !== undefined && fact.value !== "unknown" && !same(current.facts?.[name], fact)) doc.setIn(["facts", name], flowNode(doc, fact));
    }
  }
  if (authApplied) {
    doc.set("authMethod", next.authMethod);
    if (doc.has("authMethodSource")) doc.set("authMethodSource", next.authMethodSource);
    else setTop(doc, "authMethodSource", doc.createNode(next.authMethodSource) as Node, { after: ["authMethod"] });
  }
  return { ok: true, text: doc.toString(catalogueYamlFormat), changes, conflicts };
}
