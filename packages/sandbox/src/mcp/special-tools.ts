// Category-specific read-only tools beyond list/get, with schemas a real vendor would enforce. Chat's
// render_blocks takes structured message blocks: the shape intermediaries tend to break.
import { z } from "zod";
import type { ServiceCategory } from "@kensa/core";
import type { ToolDefinition } from "./category-tools";

const query = z.string().min(1).max(200);
const textObject = z.object({ type: z.enum(["mrkdwn", "plain_text"]), text: z.string().min(1).max(3000) });
const block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("section"), text: textObject }),
  z.object({ type: z.literal("divider") }),
  z.object({ type: z.literal("header"), text: z.object({ type: z.literal("plain_text"), text: z.string().min(1).max(150) }) }),
  z.object({ type: z.literal("context"), elements: z.array(textObject).min(1).max(10) }),
]);
type Block = z.infer<typeof block>;

function read(name: string, description: string, input: z.ZodRawShape, run: ToolDefinition["run"]): ToolDefinition {
  return { name, description, readOnly: true, input, run };
}

const search = (name: string, what: string) =>
  read(name, `Search ${what} by keyword.`, { query, limit: z.int().min(1).max(50).optional() }, (args) => ({
    ok: true,
    data: { query: args.query, items: Array.from({ length: Math.min((args.limit as number | undefined) ?? 5, 5) }, (_, i) => ({ id: `${what.replace(/s$/, "")}_${i + 1}`, snippet: `…${String(args.query)}…` })) },
  }));

const renderBlocks = read("render_blocks", "Render message blocks (Block Kit) to plain text, as a preview; posts nothing.", { blocks: z.array(block).min(1).max(50) }, (args) => ({
  ok: true,
  data: {
    text: (args.blocks as Block[])
      .map((b) => (b.type === "divider" ? "---" : b.type === "context" ? b.elements.map((el) => el.text).join(" ") : b.text.text))
      .join("\n"),
  },
}));

export const specialTools: Record<ServiceCategory, ToolDefinition[]> = {
  accounting: [],
  ai_ml: [read("count_tokens", "Count the tokens a text would use.", { text: z.string().min(1).max(100_000), model: z.string().optional() }, (a) => ({ ok: true, data: { tokens: Math.ceil((a.text as string).length / 4) } }))],
  bi_analytics: [
    read("run_report", "Run a saved report over a date range.", { report_id: z.string().regex(/^report_[1-9][0-9]{0,5}$/), date_range: z.object({ from: z.iso.date(), to: z.iso.date() }) }, (a) => ({ ok: true, data: { report_id: a.report_id, rows: 3, total: 42 } })),
  ],
  communication: [search("search_messages", "messages"), renderBlocks],
  crm: [search("search_contacts", "contacts")],
  data_integration: [],
  database: [
    read("run_readonly_query", "Run a read-only SQL query (SELECT only).", { sql: z.string().min(1).max(10_000) }, (a) =>
      /^\s*(select|with)\b/i.test(a.sql as string) ? { ok: true, data: { columns: ["?column?"], rows: [[1]] } } : { ok: false, errorClass: "invalid_input", message: "only SELECT statements are allowed", field: "sql" },
    ),
  ],
  design: [],
  developer_tools: [search("search_code", "code results")],
  devops: [],
  ecommerce: [],
  finance: [read("compare_cards", "Compare 2-5 cards side by side.", { ids: z.array(z.string().regex(/^card_[1-9][0-9]{0,5}$/)).min(2).max(5) }, (a) => ({ ok: true, data: { compared: a.ids } }))],
  food_beverage: [search("search_items", "items")],
  groupware: [search("search_pages", "pages")],
  hr: [],
  legal: [],
  logistics: [read("track_shipment", "Track a shipment by its 12-digit tracking number.", { tracking_number: z.string().regex(/^[0-9]{12}$/) }, (a) => ({ ok: true, data: { tracking_number: a.tracking_number, status: "in_transit" } }))],
  marketing: [],
  payment: [read("get_balance", "Current available and pending balance.", {}, () => ({ ok: true, data: { available: 120_000, pending: 8_000, currency: "JPY" } }))],
  productivity: [search("search_documents", "documents")],
  project_management: [],
  reservation: [
    read("list_availability", "Open slots for a date and party size.", { date: z.iso.date(), party_size: z.int().min(1).max(20) }, (a) => ({ ok: true, data: { date: a.date, slots: ["11:00", "13:30", "18:00"] } })),
  ],
  security: [],
  storage: [search("search_files", "files")],
  support: [search("search_tickets", "tickets")],
};
