import { defineConfig } from "prisma/config";

// Generation needs no live database; a placeholder keeps `prisma generate` working when DATABASE_URL is unset.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kensa_placeholder" },
});
