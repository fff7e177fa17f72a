// One researched service, as a research file (/work/research/catalogue/<group>.json; format in that folder's
// FORMAT.md) records it: the MCP servers found, the declared facts and the auth method, every one with an
// http(s) source that was read. Stricter than the catalogue: a citation without a URL is refused here.
import { z } from "zod";
import { AuthMethod, DeclaredFacts, HttpUrl, PublishedServer, ServiceId, type DeclaredFactName } from "@kensa/core";
import { fieldPath } from "../catalogue-error";


/** `npm view NAME repository.url` prints git+https://…/x.git; the catalogue keeps the browsable https URL. */
export function browsableRepository(url: string): string {
  return url
    .replace(/^git\+/, "")
    .replace(/^git:\/\//, "https://")
    .replace(/^ssh:\/\/git@github\.com\//, "https://github.com/")
    .replace(/^git@github\.com:/, "https://github.com/")
    .replace(/\.git$/, "");
}

/**
 * A research server as pasted from `npm view`: repository as a git URL, bin as npm's { name: path } map, a
 * per-tenant URL pattern (kept in the note, url null), a transport the source did not state (null).
 */
function normaliseServer(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const server = { ...(raw as Record<string, unknown>) };
  if (typeof server.repository === "string") server.repository = browsableRepository(server.repository);
  if (server.bin !== null && typeof server.bin === "object" && !Array.isArray(server.bin)) {
    const names = Object.keys(server.bin);
    if (names.length === 1) server.bin = names[0];
  }
  if (server.kind === "remote" && typeof server.url === "string" && /[{}<>]/.test(server.url)) {
    server.note = [`URL per tenant: ${server.url}`, server.note].filter((part) => typeof part === "string" && part !== "").join("; ");
    server.url = null;
  }
  for (const [key, value] of Object.entries(server)) if (value === null && key !== "url") delete server[key];
  if (Array.isArray(server.requiredEnv)) {
    const { names, remarks } = requiredVariables(server.requiredEnv);
    server.requiredEnv = names;
    if (remarks.length > 0) server.note = [server.note, `requiredEnv as researched: ${remarks.join("; ")}`].filter((part) => typeof part === "string" && part !== "").join("; ");
  }
  return server;
}

/**
 * Research writes requiredEnv as the README does: "TD_SITE (optional: …)", "STRIPE_SECRET_KEY (or --api-key)",
 * "personal access token via --access-token". Kept: the variable each required item starts with. Optional
 * ones and items that name no variable are left out, and every annotated item is kept verbatim for the note.
 */
export function requiredVariables(items: readonly unknown[]): { names: unknown[]; remarks: string[] } {
  const names: unknown[] = [];
  const remarks: string[] = [];
  for (const item of items) {
    if (typeof item !== "string") {
      names.push(item);
      continue;
    }
    const match = /^([A-Z][A-Z0-9_]*)(.*)$/.exec(item.trim());
    const rest = match?.[2]?.trim() ?? "";
    if (match && rest === "") names.push(match[1]);
    else {
      remarks.push(item);
      if (match && !/optional/i.test(rest)) names.push(match[1]);
    }
  }
  return { names, remarks };
}

/**
 * The researchers' own flag for a source they could not confirm (a third party's page naming the vendor's
 * server, an unpinnable package): such items are held back, not written, and listed for a person to check.
 */
export function flaggedDoubtful(item: { note?: string | undefined }): boolean {
  return /\bDOUBTFUL\b/.test(item.note ?? "");
}

/**
 * The methodology credits a vendor for *publishing* a Terraform or Pulumi provider; research notes saying the
 * provider is a community one or not published by the vendor mean the fact does not hold as declared.
 */
export function providerNotTheVendors(name: DeclaredFactName, fact: { value: unknown; note?: string | undefined }): boolean {
  return (name === "terraformProvider" || name === "pulumiProvider") && fact.value === true && /\bcommunity\b|not published by/i.test(fact.note ?? "");
}

const factNames = Object.keys(DeclaredFacts.shape) as [DeclaredFactName, ...DeclaredFactName[]];
const FactName = z.enum(factNames);

export const ResearchFact = z.strictObject({
  value: z.union([z.boolean(), z.literal("unknown")]),
  source: HttpUrl,
  note: z.string().min(1).optional(),
});
export type ResearchFact = z.infer<typeof ResearchFact>;

export const ResearchAuthMethod = z.strictObject({ value: AuthMethod, source: HttpUrl, note: z.string().min(1).optional() });

/** The entry with only the parts that passed: each server, fact and the auth method is judged on its own. */
export interface ResearchEntry {
  id: string;
  checked?: string;
  /** Absent: not looked for (left as the catalogue has it); [] : looked for, none found. */
  servers?: PublishedServer[];
  facts: Partial<Record<DeclaredFactName, ResearchFact>>;
  authMethod?: z.infer<typeof ResearchAuthMethod>;
}

/** Keys a research entry may have; the researchers' free-text notes are read by people, not applied. */
const appliedKeys = new Set(["id", "checked", "servers", "facts", "authMethod"]);

export interface ResearchItemProblem {
  where: string;
  /** "refused": invalid or unsourced; "held back": flagged doubtful by the researcher; "ignored": not applied. */
  kind: "refused" | "held back" | "ignored";
  problem: string;
}

export interface ResearchRead {
  entries: { entry: ResearchEntry; where: string }[];
  /** Whole entries refused (no id, not an object). */
  refused: RefusedResearch[];
  /** Items left out of an otherwise applied entry. */
  items: ResearchItemProblem[];
}

export interface RefusedResearch {
  /** The research file and the entry's index (and id where readable). */
  where: string;
  problems: string[];
}

const issuesOf = (error: z.ZodError, prefix: PropertyKey[]): string => error.issues.map((i) => `${fieldPath([...prefix, ...i.path])}: ${i.message}`).join("; ");

function readEntry(raw: unknown, where: string, items: ResearchItemProblem[]): ResearchEntry | string {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return "expected an object with an id";
  const record = raw as Record<string, unknown>;
  const id = ServiceId.safeParse(record.id);
  if (!id.success) return `id: ${id.error.issues[0]?.message ?? "invalid"}`;
  const entry: ResearchEntry = { id: id.data, facts: {} };
  const note = (kind: ResearchItemProblem["kind"], problem: string) => items.push({ where, kind, problem });

  for (const key of Object.keys(record)) if (!appliedKeys.has(key)) note("ignored", `${key}: a research note, not a catalogue field`);
  if (typeof record.checked === "string" && record.checked.trim() !== "") entry.checked = record.checked.trim();

  if (record.servers !== undefined) {
    if (!Array.isArray(record.servers)) note("refused", "servers: expected a list");
    else {
      const servers: PublishedServer[] = [];
      record.servers.forEach((rawServer: unknown, index) => {
        const parsed = PublishedServer.safeParse(normaliseServer(rawServer));
        const name = (s: Record<string, unknown>) => String(s.url ?? s.name ?? "?");
        if (!parsed.success) note("refused", `servers[${index}] ${name((rawServer ?? {}) as Record<string, unknown>)}: ${issuesOf(parsed.error, [])}`);
        else if (flaggedDoubtful(parsed.data)) note("held back", `servers[${index}] ${name(parsed.data)} (${parsed.data.owner}): ${parsed.data.note}`);
        else servers.push(parsed.data);
      });
      // Servers were found but none passed: that is not "none found", so the catalogue is left as it is.
      if (servers.length > 0 || record.servers.length === 0) entry.servers = servers;
    }
  }

  if (record.facts !== undefined) {
    if (record.facts === null || typeof record.facts !== "object" || Array.isArray(record.facts)) note("refused", "facts: expected an object");
    else {
      for (const [name, rawFact] of Object.entries(record.facts)) {
        const factName = FactName.safeParse(name);
        const fact = ResearchFact.safeParse(rawFact);
        if (!factName.success) note("refused", `facts.${name}: expected one of ${factNames.join(", ")}`);
        else if (!fact.success) note("refused", issuesOf(fact.error, ["facts", name]));
        else if (flaggedDoubtful(fact.data)) note("held back", `facts.${name}: ${fact.data.note}`);
        else if (providerNotTheVendors(factName.data, fact.data)) note("held back", `facts.${name}: not the vendor's own provider: ${fact.data.note}`);
        else entry.facts[factName.data] = fact.data;
      }
    }
  }

  if (record.authMethod !== undefined) {
    const auth = ResearchAuthMethod.safeParse(record.authMethod);
    if (!auth.success) note("refused", issuesOf(auth.error, ["authMethod"]));
    else if (flaggedDoubtful(auth.data)) note("held back", `authMethod: ${auth.data.note}`);
    else entry.authMethod = auth.data;
  }
  return entry;
}

/** A research file's text → its entries (each with the items that passed), refused entries and items left out. */
export function readResearch(text: string, file: string): ResearchRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: [], refused: [{ where: file, problems: [`expected JSON: ${(error as Error).message}`] }], items: [] };
  }
  if (!Array.isArray(data)) return { entries: [], refused: [{ where: file, problems: ["expected a JSON array of researched services"] }], items: [] };
  const out: ResearchRead = { entries: [], refused: [], items: [] };
  data.forEach((raw: unknown, index) => {
    const id = raw !== null && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : "?";
    const where = `${file}[${index}] (${id})`;
    const entry = readEntry(raw, where, out.items);
    if (typeof entry === "string") out.refused.push({ where, problems: [entry] });
    else out.entries.push({ entry, where });
  });
  return out;
}
