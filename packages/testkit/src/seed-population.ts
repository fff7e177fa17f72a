// A synthetic population of tracked services shaped like the seed report's: ~60% OAuth 2.0 or better,
// full SSO rare outside the top tier, Terraform/IaC near zero among domestic vendors. Deterministic.
import type { ServiceUpsert } from "@kensa/db";
import { seededRandom } from "./run-factory";

export const seedCategories = [
  "accounting", "hr", "communication", "crm", "marketing", "ecommerce", "payment", "project_management",
  "productivity", "support", "developer_tools", "database", "devops", "ai_ml", "bi_analytics", "storage",
  "design", "reservation", "logistics", "groupware", "legal", "security",
] as const;

const stemsEn = ["Sakura", "Kaede", "Hikari", "Mirai", "Tsubasa", "Kumo", "Nami", "Yama", "Hoshi", "Sora", "Midori", "Kaze"];
const stemsJa = ["さくら", "かえで", "ひかり", "みらい", "つばさ", "くも", "なみ", "やま", "ほし", "そら", "みどり", "かぜ"];
const suffixEn: Record<string, string> = { accounting: "Books", hr: "People", communication: "Chat", crm: "CRM", marketing: "Reach" };
const suffixJa: Record<string, string> = { accounting: "会計", hr: "人事労務", communication: "チャット", crm: "顧客管理", marketing: "マーケティング" };

export interface SeedService extends ServiceUpsert {
  /** 0 (poor) … 1 (excellent): drives failure rates and grades. */
  quality: number;
  source: "live" | "sandbox";
}

export interface PopulationOptions {
  count: number;
  seed: number;
  /** How many services are marked live (the rest sandbox); tests use a few to exercise the source filter. */
  live?: number;
}

type Fact = { value: boolean | "unknown"; source?: string };
const declaredBy = (value: boolean): Fact => ({ value, source: "seed report 2026-04 (synthetic test data)" });
const unknown: Fact = { value: "unknown" };

export function seedPopulation(options: PopulationOptions): SeedService[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.count }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    const category = seedCategories[i % seedCategories.length]!;
    const stem = i % stemsEn.length;
    const quality = Math.min(1, Math.max(0, 0.15 + random() * 0.85));
    const topTier = quality > 0.9;
    const roll = random();
    // ~60% OAuth 2.0 or better: oauth2 40%, oauth2.1+PKCE 15%, enterprise SSO ~5% (top tier only).
    const authMethod = topTier && roll < 0.3 ? "enterprise_sso" : roll < 0.4 ? "oauth2" : roll < 0.58 ? "oauth2_1_pkce" : roll < 0.85 ? "api_key" : roll < 0.93 ? "none" : "unknown";
    const sso = authMethod === "enterprise_sso" || (topTier && random() < 0.25);
    const terraform = topTier && random() < 0.15;
    const nameEn = `${stemsEn[stem]} ${suffixEn[category] ?? category.replace(/_/g, " ")} ${n}`;
    // One deliberately long Japanese name: layouts must not break on it.
    const nameJa = i === 7
      ? `株式会社${stemsJa[stem]}クラウドソリューションズ統合型${suffixJa[category] ?? "業務"}プラットフォーム・エンタープライズ版 ${n}`
      : `${stemsJa[stem]}${suffixJa[category] ?? "クラウド"} ${n}`;
    const declared = {
      saml: sso ? declaredBy(true) : unknown,
      oidc: sso && random() < 0.6 ? declaredBy(true) : unknown,
      idJag: unknown,
      scim: sso && random() < 0.5 ? declaredBy(true) : unknown,
      terraformProvider: terraform ? declaredBy(true) : unknown,
      pulumiProvider: unknown,
      openTelemetry: quality > 0.7 && random() < 0.3 ? declaredBy(true) : unknown,
      registryEntry: random() < 0.4 ? declaredBy(true) : unknown,
      environmentSeparation: unknown,
    };
    const id = `svc-${n}`;
    const catalogue = {
      id,
      name: { en: nameEn, ja: nameJa },
      vendor: `${stemsEn[stem]} K.K.`,
      category,
      homepage: `https://example.com/${id}`,
      auth: { method: authMethod },
      declared,
    };
    return {
      id,
      nameEn,
      nameJa,
      vendor: catalogue.vendor,
      category,
      authMethod,
      catalogue,
      contentHash: `seed-${options.seed}-${id}`,
      quality,
      source: i < (options.live ?? 0) ? "live" : "sandbox",
    };
  });
}
