// The records each category's tools serve: nouns, statuses and a few typed fields, generated from the
// record number alone so every answer is deterministic and needs no storage.
import type { ServiceCategory } from "@kensa/core";

export interface Entity {
  noun: string;
  plural: string;
  statuses: readonly string[];
  money?: boolean;
}

const e = (noun: string, plural: string, statuses: readonly string[], money = false): Entity => ({ noun, plural, statuses, money });
const open = ["open", "closed"] as const;
const active = ["active", "archived"] as const;

export const categoryEntities: Record<ServiceCategory, readonly Entity[]> = {
  accounting: [e("deal", "deals", ["settled", "unsettled"], true), e("invoice", "invoices", ["draft", "issued", "paid"], true), e("partner", "partners", active)],
  ai_ml: [e("model", "models", ["available", "deprecated"])],
  bi_analytics: [e("dashboard", "dashboards", active), e("report", "reports", ["ready", "running"])],
  communication: [e("channel", "channels", ["public", "private"]), e("message", "messages", ["sent", "edited"])],
  crm: [e("contact", "contacts", ["lead", "customer"]), e("deal", "deals", ["open", "won", "lost"], true), e("company", "companies", active)],
  data_integration: [e("workflow", "workflows", ["enabled", "disabled"]), e("run", "runs", ["succeeded", "failed"])],
  database: [e("table", "tables", ["ready"])],
  design: [e("file", "files", active), e("component", "components", ["published", "draft"])],
  developer_tools: [e("repository", "repositories", ["public", "private"]), e("pull_request", "pull_requests", ["open", "merged", "closed"])],
  devops: [e("deployment", "deployments", ["succeeded", "failed", "running"]), e("incident", "incidents", ["triggered", "resolved"])],
  ecommerce: [e("product", "products", ["on_sale", "sold_out"], true), e("order", "orders", ["pending", "shipped", "cancelled"], true)],
  finance: [e("card", "cards", ["available"])],
  food_beverage: [e("item", "items", ["in_stock", "limited"])],
  groupware: [e("page", "pages", ["published", "draft"]), e("schedule", "schedules", ["confirmed", "tentative"])],
  hr: [e("employee", "employees", ["employed", "on_leave", "retired"]), e("department", "departments", active)],
  legal: [e("contract", "contracts", ["draft", "signed", "expired"]), e("envelope", "envelopes", ["sent", "completed"])],
  logistics: [e("shipment", "shipments", ["in_transit", "delivered"])],
  marketing: [e("campaign", "campaigns", ["scheduled", "sent", "draft"]), e("audience", "audiences", active)],
  payment: [e("charge", "charges", ["succeeded", "refunded"], true), e("payout", "payouts", ["paid", "pending"], true)],
  productivity: [e("document", "documents", active), e("task", "tasks", open)],
  project_management: [e("project", "projects", active), e("issue", "issues", open)],
  reservation: [e("reservation", "reservations", ["booked", "cancelled"])],
  security: [e("vault", "vaults", active), e("audit_event", "audit_events", ["info", "warning"])],
  storage: [e("file", "files", active), e("folder", "folders", active)],
  support: [e("ticket", "tickets", ["new", "pending", "solved"]), e("customer", "customers", active)],
};

/** Records numbered 1..recordCount exist; anything beyond is not_found. */
export const recordCount = 500;

const day = 86_400_000;
const epoch = Date.UTC(2026, 0, 1);

export function recordOf(entity: Entity, n: number): Record<string, unknown> {
  const title = entity.noun.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return {
    id: `${entity.noun}_${n}`,
    name: `${title} ${n}`,
    status: entity.statuses[n % entity.statuses.length],
    created_at: new Date(epoch + n * day).toISOString(),
    ...(entity.money ? { amount: 1000 * (((n * 7919) % 97) + 1), currency: "JPY" } : {}),
  };
}
