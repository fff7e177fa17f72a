// The tools a sandbox service exposes, shaped like its category: list_/get_ tools per entity (read-only,
// input schemas enforced), a few category-specific reads (chat's structured message blocks among them), and
// create_ tools when the profile has write tools. Built once per category, registered per request.
import { z } from "zod";
import type { ServiceCategory } from "@kensa/core";
import { categoryEntities, recordCount, recordOf, type Entity } from "./entities";
import { specialTools } from "./special-tools";

export type ToolOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errorClass: "invalid_input" | "not_found"; message: string; field?: string };

export interface ToolDefinition {
  name: string;
  description: string;
  readOnly: boolean;
  input: z.ZodRawShape;
  run(args: Record<string, unknown>): ToolOutcome;
}

function listTool(entity: Entity): ToolDefinition {
  return {
    name: `list_${entity.plural}`,
    description: `List ${entity.plural.replace(/_/g, " ")}, newest first; page with cursor.`,
    readOnly: true,
    input: {
      limit: z.int().min(1).max(100).optional().describe("page size, 1-100 (default 10)"),
      cursor: z.string().regex(/^c[0-9]{1,6}$/).optional().describe("next_cursor from the previous page"),
      status: z.enum(entity.statuses as [string, ...string[]]).optional(),
    },
    run(args) {
      const limit = (args.limit as number | undefined) ?? 10;
      const status = args.status as string | undefined;
      let n = args.cursor ? Number((args.cursor as string).slice(1)) : 1;
      const items: Record<string, unknown>[] = [];
      while (items.length < limit && n <= recordCount) {
        const record = recordOf(entity, n++);
        if (!status || record.status === status) items.push(record);
      }
      return { ok: true, data: { items, next_cursor: n <= recordCount ? `c${n}` : null } };
    },
  };
}

function getTool(entity: Entity): ToolDefinition {
  return {
    name: `get_${entity.noun}`,
    description: `Get one ${entity.noun.replace(/_/g, " ")} by id.`,
    readOnly: true,
    input: { id: z.string().regex(new RegExp(`^${entity.noun}_[1-9][0-9]{0,5}$`)).describe(`e.g. ${entity.noun}_1`) },
    run(args) {
      const n = Number((args.id as string).split("_").pop());
      if (n > recordCount) return { ok: false, errorClass: "not_found", message: `${entity.noun} ${args.id as string} does not exist`, field: "id" };
      return { ok: true, data: recordOf(entity, n) };
    },
  };
}

function createTool(entity: Entity): ToolDefinition {
  return {
    name: `create_${entity.noun}`,
    description: `Create a ${entity.noun.replace(/_/g, " ")} (writes data).`,
    readOnly: false,
    input: { name: z.string().min(1).max(200) },
    run(args) {
      return { ok: true, data: { ...recordOf(entity, recordCount + 1), name: args.name } };
    },
  };
}

const cache = new Map<string, ToolDefinition[]>();

export function toolsFor(category: ServiceCategory, writeTools: boolean): ToolDefinition[] {
  const key = `${category}:${writeTools}`;
  let tools = cache.get(key);
  if (!tools) {
    const entities = categoryEntities[category];
    tools = [...entities.flatMap((entity) => [listTool(entity), getTool(entity)]), ...specialTools[category], ...(writeTools ? entities.map(createTool) : [])];
    cache.set(key, tools);
  }
  return tools;
}
