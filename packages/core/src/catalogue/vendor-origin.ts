// Whether a catalogued vendor is domestic (Japanese) or global, read off the entry itself: the seed report
// contrasts the two ("IaC near zero among domestic Japanese SaaS vendors"). The catalogue has no sourced origin
// field, so the rule uses what every entry carries, and the pages say it is derived this way:
//   a global service's Japanese edition (id ending "-jp": hubspot-jp, salesforce-jp) or a global company's
//   Japanese arm ("Shopify Japan K.K.", "Amazon Japan G.K.")                                     → global
//   a Japanese legal form in the vendor's name (K.K., G.K., Co., Ltd.)                           → domestic
//   a homepage on a .jp domain, or a Japanese product name in use (name.ja)                      → domestic
//   anything else                                                                                 → global
// Known limits: STORES (id stores-jp) reads as an edition and counts as global; a Japanese company with an English "Inc." name, a non-.jp homepage and no Japanese name in
// the catalogue (e.g. Sansan, Inc. at jp.sansan.com) counts as global; a foreign vendor with a Japanese name or
// a .jp homepage (e.g. SAP Concur at concur.co.jp) counts as domestic — until entries record an origin with a source.
import type { CatalogueEntry } from "./catalogue-entry";

export type VendorOrigin = "domestic" | "global";
export const vendorOrigins: readonly VendorOrigin[] = ["domestic", "global"];

const japaneseArm = /\bJapan\s+(K\.K\.|G\.K\.|Co\.,?\s*Ltd\.?)/i;
const japaneseLegalForm = /\b(K\.K\.|G\.K\.|Co\.,?\s*Ltd\.?)/;

export function vendorOrigin(entry: Pick<CatalogueEntry, "id" | "vendor" | "homepage" | "name">): VendorOrigin {
  if (entry.id.endsWith("-jp") || japaneseArm.test(entry.vendor)) return "global";
  if (japaneseLegalForm.test(entry.vendor) || entry.name.ja !== undefined) return "domestic";
  const host = entry.homepage !== null && URL.canParse(entry.homepage) ? new URL(entry.homepage).hostname : null;
  return host !== null && host.endsWith(".jp") ? "domestic" : "global";
}
