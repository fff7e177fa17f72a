// The closed list of service categories (KanseiLink's, as published in its Q2 2026 landscape). The sandbox
// shapes each category's tools, so adding one here is a compile error until it has a tool set.
import { z } from "zod";

export const ServiceCategory = z.enum([
  "accounting",
  "ai_ml",
  "bi_analytics",
  "communication",
  "crm",
  "data_integration",
  "database",
  "design",
  "developer_tools",
  "devops",
  "ecommerce",
  "finance",
  "food_beverage",
  "groupware",
  "hr",
  "legal",
  "logistics",
  "marketing",
  "payment",
  "productivity",
  "project_management",
  "reservation",
  "security",
  "storage",
  "support",
]);
export type ServiceCategory = z.infer<typeof ServiceCategory>;
