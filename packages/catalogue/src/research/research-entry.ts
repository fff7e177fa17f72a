// One researched service, as a research file (/work/research/catalogue/<group>.json; format in that folder's
// FORMAT.md) records it: the MCP servers found, the declared facts and the auth method, every one with an
// http(s) source that was read. Stricter than the catalogue: a citation without a URL is refused here.
import { z } from "zod";
import { AuthMethod, DeclaredFacts, PublishedServer, ServiceId, type DeclaredFactName } from "@kensa/core";
import { fieldPath } from "../catalogue-error";

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

/** `npm view NAME repository.url` prints git+https://…/x.git; the catalogue keeps the browsable https URL. */
export function browsableRepository(url: string): string {
  return url
    .replace(/^git\+/, "")
    .replace(/^git:\/\//, "https://")
    .replace(/^ssh:\/\/git@github\.com\//, "https://github.com/")
    .replace(/^git@github\.com:/, "https://github.com/")
    .replace(/\.git$/, "");
}

/** A research server as pasted from `npm view`: repository as a git URL, bin as npm's { name: path } map. */
function normaliseServer(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const server = { ...(raw as Record<string, unknown>) };
  if (typeof server.repository === "string") server.repository = browsableRepository(server.repository);
  if (server.bin !== null && typeof server.bin === "object" && !Array.isArray(server.bin)) {
    const names = Object.keys(server.bin);
    if (names.length === 1) server.bin = names[0];
  }
  return server;
}

const factNames = Object.keys(DeclaredFacts.shape) as [DeclaredFactName, ...DeclaredFactName[]];

export const ResearchFact = z.strictObject({
  value: z.union([z.boolean(), z.literal("unknown")]),
  source: httpUrl,
  note: z.string().min(1).optional(),
});
export type ResearchFact = z.infer<typeof ResearchFact>;

export const ResearchEntry = z.strictObject({
  id: ServiceId,
  checked: z.string().min(1).optional(),
  /** Absent: not looked for (left as the catalogue has it); [] : looked for, none found. */
  servers: z.array(z.preprocess(normaliseServer, PublishedServer)).max(20).optional(),
  facts: z.partialRecord(z.enum(factNames), ResearchFact).default({}),
  authMethod: z.strictObject({ value: AuthMethod, source: httpUrl, note: z.string().min(1).optional() }).optional(),
});
export type ResearchEntry = z.infer<typeof ResearchEntry>;

export interface RefusedResearch {
  /** The research file and the entry's index (and id where readable). */
  where: string;
  problems: string[];
}

export interface ResearchRead {
  entries: { entry: ResearchEntry; where: string }[];
  refused: RefusedResearch[];
}

/** A research file's text → its valid entries, and each refused entry with every problem it has. */
export function readResearch(text: string, file: string): ResearchRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: [], refused: [{ where: file, problems: [`expected JSON: ${(error as Error).message}`] }] };
  }
  if (!Array.isArray(data)) return { entries: [], refused: [{ where: file, problems: ["expected a JSON array of researched services"] }] };
  const out: ResearchRead = { entries: [], refused: [] };
  data.forEach((raw: unknown, index) => {
    const id = raw !== null && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : "?";
    const where = `${file}[${index}] (${id})`;
    const parsed = ResearchEntry.safeParse(raw);
    if (parsed.success) out.entries.push({ entry: parsed.data, where });
    else out.refused.push({ where, problems: parsed.error.issues.map((issue) => `${fieldPath(issue.path) || "(entry)"}: ${issue.message}`) });
  });
  return out;
}
