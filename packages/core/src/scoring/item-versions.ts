// Which items and caps a methodology version applies. Each is listed by the version that introduced it (one
// not listed has applied since 1.0.0); a version applies every one introduced at or before it. To add items
// or caps to a staged version, add their ids to its list (a separate file may export the ids, as toolItemIds).
import type { CapId } from "./caps";
import type { Item } from "./items";
import { toolItemIds, type ItemId } from "./item-ids";
import { protocolItemIds12 } from "./items-1-2-protocol-ids";
import type { Methodology } from "./methodology";
import { versionBefore } from "./version-order";

export const itemsIntroducedIn: Readonly<Record<string, readonly ItemId[]>> = {
  "1.2.0": [...toolItemIds, ...protocolItemIds12],
};

const introducedIn = new Map<string, string>(Object.entries(itemsIntroducedIn).flatMap(([version, ids]) => ids.map((id) => [id, version] as const)));

/** The version that introduced an item (1.0.0 unless listed). */
export function itemSince(id: string): string {
  return introducedIn.get(id) ?? "1.0.0";
}

export function itemInEffect(item: Pick<Item, "id">, methodology: Pick<Methodology, "version">): boolean {
  return !versionBefore(methodology.version, itemSince(item.id));
}

export const capsIntroducedIn: Readonly<Record<string, readonly CapId[]>> = {
  "1.2.0": ["cap.accepts_header_mismatch"],
};

const capIntroducedIn = new Map<string, string>(Object.entries(capsIntroducedIn).flatMap(([version, ids]) => ids.map((id) => [id, version] as const)));

export function capInEffect(cap: { id: CapId }, methodology: Pick<Methodology, "version">): boolean {
  return !versionBefore(methodology.version, capIntroducedIn.get(cap.id) ?? "1.0.0");
}
